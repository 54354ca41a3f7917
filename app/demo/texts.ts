import type { Topic } from "~/domain/signal-codes";

/**
 * Invented texts for the demo data. Practices and people are made up and named so nobody mistakes them for real ones
 * ("Voorbeeld", "Proef…"); place names are the reference data's own, which are public.
 */

/** `{place}` is a municipality or region name. */
export const SUMMARIES: Record<Topic, readonly string[]> = {
  strategy_advice: [
    "Praktijk wil weten of meedoen aan de aanbesteding in {place} zin heeft nu de regio naar minder aanbieders gaat.",
    "Vraag over aansluiten bij een consortium of hoofdaannemer in {place}; zelfstandig inschrijven lijkt onhaalbaar.",
    "Vrijgevestigde GZ-psycholoog twijfelt tussen onderaannemerschap en stoppen met jeugd in {place}.",
    "Groep van vier praktijken in {place} vraagt hoe zij samen één sterke inschrijving kunnen doen.",
    "Nieuwe inkoopstrategie in {place} met taakgerichte financiering: wat betekent dat voor kleine praktijken?",
    "Praktijk vraagt advies over de marktconsultatie in {place}: reageren, en zo ja met welke boodschap.",
    "Orthopedagoog vraagt of een coöperatie van vrijgevestigden in {place} kans maakt op een raamcontract.",
    "Vraag hoe de zorgcontinuïteit voor lopende cliënten te regelen als het contract in {place} afloopt.",
  ],
  quality_admission: [
    "Toelatingseisen in {place} vragen een HKZ-certificaat; onduidelijk of een eenmanspraktijk dat moet hebben.",
    "Nieuwe kwaliteitseis in {place}: minimaal drie behandelaren per praktijk. Vraag of dat proportioneel is.",
    "Praktijk vraagt welke bewijsstukken voor de toelating in {place} echt nodig zijn.",
    "Verscherpte eisen aan de regiebehandelaar in {place}: vallen vrijgevestigde kinder- en jeugdpsychologen erbuiten?",
  ],
  gdpr: [
    "Gemeente {place} vraagt om diagnose-informatie bij de declaratie; mag dat volgens de AVG?",
    "Vraag over het delen van behandelplannen met de toegang in {place} zonder toestemming van ouders.",
    "Praktijk twijfelt of het nieuwe berichtenportaal van {place} voldoet aan de AVG.",
  ],
  contract_change: [
    "Budgetplafond in {place} halverwege het jaar bereikt; nieuwe cliënten worden doorverwezen naar een wachtlijst.",
    "Gemeente {place} vraagt extra documenten op die niet in het contract staan.",
    "Moeizame relatie met de contractmanager van {place} na een geweigerde declaratie.",
    "Tarief in {place} eenzijdig verlaagd tijdens de looptijd van het contract.",
  ],
  other: [
    "Algemene vraag over de rol van de intermediair bij de inkoop in {place}.",
    "Vraag om contactgegevens van de regioadviseur voor {place}.",
  ],
};

/** Questions a municipality brings itself. */
export const MUNICIPALITY_SUMMARIES: Record<Topic, readonly string[]> = {
  strategy_advice: [
    "Gemeente {place} vraagt hoe zij vrijgevestigden kan betrekken bij de marktconsultatie.",
    "Inkoper van {place} wil weten wat minder aanbieders betekent voor de keuzevrijheid van ouders.",
    "Gemeente {place} vraagt om een gesprek met de vrijgevestigden over de nieuwe inkoopvisie.",
  ],
  quality_admission: ["Gemeente {place} vraagt welke kwaliteitseisen voor kleine praktijken redelijk zijn."],
  gdpr: ["Gemeente {place} vraagt welke gegevens zij van aanbieders mag opvragen bij de verantwoording."],
  contract_change: ["Gemeente {place} wil het budgetplafond aanpassen en vraagt hoe dat met aanbieders te bespreken."],
  other: ["Gemeente {place} vraagt naar de werkwijze van de intermediair."],
};

export const TRAJECTORY_GOALS: readonly string[] = [
  "Vrijgevestigden in {place} bundelen hun krachten en praten mee over de nieuwe inkoopvisie.",
  "Een gezamenlijke visie van de vrijgevestigde aanbieders op de aanbesteding in {place}.",
  "Toegang tot het nieuwe contract behouden voor kleine praktijken in {place}.",
  "Gesprek met de regio {place} over minder aanbieders zonder verlies van keuzevrijheid voor ouders.",
  "Een coöperatie van vrijgevestigden die samen inschrijft in {place}.",
  "De administratieve lasten in het nieuwe contract van {place} beperken.",
];

export const RUNNING_TRAJECTORY = {
  goal: "De vrijgevestigde aanbieders in {place} schrijven samen in op de nieuwe aanbesteding en behouden hun plek in het zorglandschap.",
  analysisNote:
    "Analyse met de regioadviseur: de regio wil van ruim zestig naar twaalf gecontracteerde aanbieders. Vrijgevestigden hebben samen ongeveer een kwart van de cliënten.",
  planV1:
    "1. Situatieschets met alle vrijgevestigden in de regio\n2. Verkennen: consortium, onderaannemerschap of coöperatie\n3. Gesprek met de inkoper van de regio over de percelen",
  planV2:
    "1. Situatieschets met alle vrijgevestigden in de regio (gedaan)\n2. Keuze voor een coöperatie; statuten laten opstellen\n3. Gesprek met de inkoper van de regio over de percelen\n4. Reageren op de nota van inlichtingen vóór de sluitingsdatum",
  planV2Reason: "Aanbestedingsstukken gepubliceerd: percelen en eisen zijn bekend.",
  talkOrganisations: "Inkoopteam jeugdhulpregio {place}; drie vertegenwoordigers van de vrijgevestigden",
  talkSummary:
    "Kennismaking en toelichting op de zorgen van de vrijgevestigden. De regio staat open voor een inschrijving door een coöperatie en komt terug op de eisen aan de omvang van een aanbieder.",
  consultation: "Marktconsultatie jeugdhulp {place}",
  deadline: "Sluitingsdatum inschrijving jeugdhulp {place}",
};

export const PORTAL_REPORTS = [
  {
    message:
      "Onze gemeente heeft laten weten dat we na dit jaar alleen nog als onderaannemer mogen werken. Wij weten niet bij wie we dan moeten aansluiten en wat dat betekent voor onze cliënten.",
    reporterName: "Noor Voorbeeld",
    reporterOrganisation: "Praktijk Voorbeeld Jeugd",
    reporterEmail: "noor@praktijk-voorbeeld.example",
  },
  {
    message: "In de nieuwe toelatingseisen staat een minimale omvang van de praktijk. Als eenmanspraktijk val ik daar buiten. Klopt dat?",
  },
] as const;

export function fill(template: string, place: string): string {
  return template.replaceAll("{place}", place);
}
