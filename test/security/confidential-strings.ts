/**
 * Confidential text the security suites type into the app: reporter identities, signal text, trajectory content, the
 * name of a person searched for. The log check after the full run asserts that none of it reached the server log, so
 * every suite takes its confidential text from here instead of inventing its own.
 */
export const CONFIDENTIAL = {
  signalSummary: "Praktijk De Vuurtoren vreest contractverlies bij gemeente Sluis",
  signalDetails: "De wethouder belde de praktijkhouder thuis over haar klacht bij de regio",
  reporterName: "Mirjam Vlasblom-Geheim",
  reporterOrganisation: "Praktijk De Vuurtoren Zierikzee",
  reporterEmail: "mirjam.vlasblom@vuurtoren-geheim.example",
  portalMessage: "Regio Zeeland schuift het budget stil door naar consortium Zeeuwse Zorgkracht",
  portalFollowUp: "Aanvulling: de contractmanager dreigde met uitsluiting bij de volgende ronde",
  signalNote: "Telefonisch gesproken met de melder; zij wil niet dat de gemeente haar naam hoort",
  trajectoryGoal: "Vrijgevestigden in Zeeland behouden hun contract na de aanbesteding van 2027",
  planText: "Stap 1: vertrouwelijk overleg met de zeven praktijken in Walcheren",
  knowledgeConcept: "Concept: hoe de gemeente Sluis de klacht van De Vuurtoren afhandelde",
  staffName: "Vera Doelwit-Vertrouwelijk",
  staffEmail: "vera.doelwit@vertrouwelijk.example",
} as const;

export const CONFIDENTIAL_STRINGS: readonly string[] = Object.values(CONFIDENTIAL);
