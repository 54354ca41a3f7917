import type { FieldMetadata } from "@conform-to/react";
import { CheckboxGroup } from "./choice-fields";
import { FieldGroup, SelectField, TextAreaField, TextField } from "./form";
import { RegionMunicipalityFields } from "./region-fields";
import {
  ASSOCIATION_LABELS,
  ASSOCIATIONS,
  CHANNEL_LABELS,
  CHANNELS,
  FUNDING_LABELS,
  FUNDINGS,
  optionsOf,
  PHASE_LABELS,
  PHASES,
  PROCEDURE_LABELS,
  PROCEDURES,
  REFERRER_LABELS,
  REFERRERS,
  REQUESTER_TYPE_LABELS,
  REQUESTER_TYPES,
  TOPIC_LABELS,
  TOPICS,
  TRIGGER_LABELS,
  TRIGGERS,
} from "~/domain/signal-codes";

type Text = FieldMetadata<string, Record<string, unknown>, string[]>;

export type ClassificationFieldset = {
  receivedOn: Text;
  channel: Text;
  requesterType: Text;
  referredBy: Text;
  regionCode: Text;
  municipality: Text;
  association: Text;
  topic: Text;
  procurementPhase: Text;
  triggers: FieldMetadata<string[], Record<string, unknown>, string[]>;
  procedure: Text;
  funding: Text;
  segment: Text;
};

export type ConfidentialFieldset = {
  summary: Text;
  details: Text;
  reporterName: Text;
  reporterOrganisation: Text;
  reporterEmail: Text;
  reporterPhone: Text;
};

export type ReferenceOptions = {
  regions: { code: string; name: string }[];
  municipalities: { code: string; name: string; regionCode: string }[];
};

/**
 * What a phone call gives first, in the order it is asked: when and how it came in, who asks, where, about what and
 * in which phase. Shared by intake (followed by the summary) and the edit form.
 */
export function EssentialClassificationFields({
  fields,
  reference,
  focusRequester,
}: {
  fields: ClassificationFieldset;
  reference: ReferenceOptions;
  /** Intake starts on "Afkomstig van": date and channel above it are filled in already (today, the last channel). */
  focusRequester?: boolean;
}) {
  return (
    <>
      <FieldGroup legend="Binnenkomst">
        <TextField field={fields.receivedOn} label="Datum binnengekomen" type="date" />
        <SelectField field={fields.channel} label="Binnengekomen via" options={optionsOf(CHANNELS, CHANNEL_LABELS)} />
        <SelectField
          field={fields.requesterType}
          label="Afkomstig van"
          placeholder="Kies…"
          options={optionsOf(REQUESTER_TYPES, REQUESTER_TYPE_LABELS)}
          autoFocus={focusRequester}
        />
      </FieldGroup>
      <FieldGroup legend="Regio">
        <RegionMunicipalityFields
          regionField={fields.regionCode}
          municipalityField={fields.municipality}
          regions={reference.regions}
          municipalities={reference.municipalities}
        />
      </FieldGroup>
      <FieldGroup legend="Onderwerp">
        <SelectField field={fields.topic} label="Soort vraag" placeholder="Kies…" options={optionsOf(TOPICS, TOPIC_LABELS)} />
        <SelectField
          field={fields.procurementPhase}
          label="Fase inkoop"
          placeholder="Kies…"
          description="Komende of lopende aanbesteding en nog te sluiten contract tellen als aanbestedingsgerelateerd."
          options={optionsOf(PHASES, PHASE_LABELS)}
        />
      </FieldGroup>
    </>
  );
}

/** The rest of the classification: asked when there is time, or filled in later. */
export function FurtherClassificationFields({ fields }: { fields: ClassificationFieldset }) {
  return (
    <FieldGroup legend="Herkomst en context">
      <SelectField field={fields.referredBy} label="Aangedragen door" options={optionsOf(REFERRERS, REFERRER_LABELS)} />
      <SelectField
        field={fields.association}
        label="Beroepsvereniging (niet verplicht)"
        placeholder="Geen of onbekend"
        options={optionsOf(ASSOCIATIONS, ASSOCIATION_LABELS)}
      />
      <CheckboxGroup field={fields.triggers} legend="Aanleidingen (meer mogelijk)" options={optionsOf(TRIGGERS, TRIGGER_LABELS)} />
      <SelectField field={fields.procedure} label="Procedure" options={optionsOf(PROCEDURES, PROCEDURE_LABELS)} />
      <SelectField field={fields.funding} label="Financieringsvorm" options={optionsOf(FUNDINGS, FUNDING_LABELS)} />
      <TextField field={fields.segment} label="Segment (niet verplicht)" description="Bijvoorbeeld ambulant, verblijf, wonen, crisis." />
    </FieldGroup>
  );
}

/** The classification of a signal, as DESIGN.md defines it: the edit form shows all of it. */
export function ClassificationFields({ fields, reference }: { fields: ClassificationFieldset; reference: ReferenceOptions }) {
  return (
    <>
      <EssentialClassificationFields fields={fields} reference={reference} />
      <FurtherClassificationFields fields={fields} />
    </>
  );
}

/** The short summary: required, and confidential like the rest of the signal's text. */
export function SummaryField({ field }: { field: Text }) {
  return <TextAreaField field={field} label="Korte samenvatting" description="Vertrouwelijk: alleen de intermediair leest dit." rows={3} />;
}

/** What only the intermediary may read besides the summary: stored encrypted, never exported or reported. */
export function ConfidentialFields({ fields }: { fields: ConfidentialFieldset }) {
  return (
    <FieldGroup legend="Vertrouwelijk (alleen zichtbaar voor de intermediair)">
      <TextAreaField field={fields.details} label="Toelichting (niet verplicht)" rows={6} />
      <TextField field={fields.reporterName} label="Naam melder (niet verplicht)" autoComplete="off" />
      <TextField field={fields.reporterOrganisation} label="Organisatie melder (niet verplicht)" autoComplete="off" />
      <TextField field={fields.reporterEmail} label="E-mailadres melder (niet verplicht)" type="email" autoComplete="off" />
      <TextField field={fields.reporterPhone} label="Telefoon melder (niet verplicht)" type="tel" autoComplete="off" />
    </FieldGroup>
  );
}

/** Names of the fields folded away on the intake form: a wrong value there opens the fold, so the error is seen. */
export const FOLDED_INTAKE_FIELDS = [
  "referredBy",
  "association",
  "triggers",
  "procedure",
  "funding",
  "segment",
  "details",
  "reporterName",
  "reporterOrganisation",
  "reporterEmail",
  "reporterPhone",
] as const;
