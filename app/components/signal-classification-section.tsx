import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { AppForm } from "./form";
import { ClassificationFields, type ReferenceOptions } from "./signal-fields";
import { Facts } from "./signal-sections";
import { Heading } from "./ui/text";
import { ASSOCIATION_LABELS, FUNDING_LABELS, PHASE_LABELS, PROCEDURE_LABELS, REFERRER_LABELS, REQUESTER_TYPE_LABELS, TOPIC_LABELS, TRIGGER_LABELS } from "~/domain/signal-codes";
import { UNKNOWN_UNTIL_CLASSIFIED, type SignalClassification } from "~/domain/signal-classification";
import { classificationSchema } from "~/domain/signal-form";

const TO_CHOOSE = "nog te kiezen";

/**
 * The signal's classification as facts, and the form that edits it (opened again when saving failed). A mailbox
 * signal still to classify shows its form open, with the fields an e-mail cannot tell left to choose.
 */
export function ClassificationSection({
  signal,
  awaiting,
  reference,
  lastResult,
}: {
  signal: SignalClassification;
  awaiting: boolean;
  reference: ReferenceOptions;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const known = awaiting ? { ...signal, ...Object.fromEntries(UNKNOWN_UNTIL_CLASSIFIED.map((field) => [field, null])) } : signal;
  const region = reference.regions.find((r) => r.code === known.regionCode);
  const municipality = reference.municipalities.find((m) => m.code === known.municipalityCode);
  const [form, fields] = useForm({
    id: "classify",
    lastResult,
    defaultValue: {
      ...known,
      municipality: municipality?.name ?? known.municipalityCode ?? "",
      association: signal.association ?? "",
      segment: signal.segment ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: classificationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section className="rd-section" aria-labelledby="classification-heading">
      <Heading level={2} id="classification-heading">
        Classificatie
      </Heading>
      <Facts
        items={[
          ["Afkomstig van", awaiting ? TO_CHOOSE : REQUESTER_TYPE_LABELS[signal.requesterType]],
          ["Aangedragen door", REFERRER_LABELS[signal.referredBy]],
          ["Regio", awaiting ? TO_CHOOSE : region ? `${region.name} (${signal.regionCode})` : signal.regionCode],
          ["Gemeente", municipality?.name],
          ["Beroepsvereniging", signal.association ? ASSOCIATION_LABELS[signal.association] : null],
          ["Soort vraag", awaiting ? TO_CHOOSE : TOPIC_LABELS[signal.topic]],
          ["Fase inkoop", awaiting ? TO_CHOOSE : PHASE_LABELS[signal.procurementPhase]],
          ["Aanleidingen", signal.triggers.map((t) => TRIGGER_LABELS[t]).join("; ")],
          ["Procedure", PROCEDURE_LABELS[signal.procedure]],
          ["Financiering", FUNDING_LABELS[signal.funding]],
          ["Segment", signal.segment],
        ]}
      />
      <details className="rd-details" open={awaiting || lastResult !== undefined}>
        <summary>Classificatie bewerken</summary>
        <AppForm form={form} submitLabel="Classificatie opslaan">
          <input type="hidden" name="intent" value="classify" />
          <ClassificationFields fields={fields} reference={reference} />
        </AppForm>
      </details>
    </section>
  );
}
