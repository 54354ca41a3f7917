import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { AppForm } from "./form";
import { ClassificationFields, type ReferenceOptions } from "./signal-fields";
import { Facts } from "./signal-sections";
import { Heading } from "./ui/text";
import { ASSOCIATION_LABELS, FUNDING_LABELS, PHASE_LABELS, PROCEDURE_LABELS, REFERRER_LABELS, REQUESTER_TYPE_LABELS, TOPIC_LABELS, TRIGGER_LABELS } from "~/domain/signal-codes";
import type { SignalClassification } from "~/domain/signal-classification";
import { classificationSchema } from "~/domain/signal-form";

/** The signal's classification as facts, and the form that edits it (opened again when saving failed). */
export function ClassificationSection({
  signal,
  reference,
  lastResult,
}: {
  signal: SignalClassification;
  reference: ReferenceOptions;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const region = reference.regions.find((r) => r.code === signal.regionCode);
  const municipality = reference.municipalities.find((m) => m.code === signal.municipalityCode);
  const [form, fields] = useForm({
    id: "classify",
    lastResult,
    defaultValue: {
      ...signal,
      municipality: municipality?.name ?? signal.municipalityCode ?? "",
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
          ["Afkomstig van", REQUESTER_TYPE_LABELS[signal.requesterType]],
          ["Aangedragen door", REFERRER_LABELS[signal.referredBy]],
          ["Regio", region ? `${region.name} (${signal.regionCode})` : signal.regionCode],
          ["Gemeente", municipality?.name],
          ["Beroepsvereniging", signal.association ? ASSOCIATION_LABELS[signal.association] : null],
          ["Soort vraag", TOPIC_LABELS[signal.topic]],
          ["Fase inkoop", PHASE_LABELS[signal.procurementPhase]],
          ["Aanleidingen", signal.triggers.map((t) => TRIGGER_LABELS[t]).join("; ")],
          ["Procedure", PROCEDURE_LABELS[signal.procedure]],
          ["Financiering", FUNDING_LABELS[signal.funding]],
          ["Segment", signal.segment],
        ]}
      />
      <details className="rd-details" open={lastResult !== undefined}>
        <summary>Classificatie bewerken</summary>
        <AppForm form={form} submitLabel="Classificatie opslaan">
          <input type="hidden" name="intent" value="classify" />
          <ClassificationFields fields={fields} reference={reference} />
        </AppForm>
      </details>
    </section>
  );
}
