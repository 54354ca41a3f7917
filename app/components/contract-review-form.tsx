import { useForm, type SubmissionResult } from "@conform-to/react";
import { RadioGroup } from "./choice-fields";
import { AppForm, FieldGroup, SelectField, TextAreaField, TextField } from "./form";
import { RATING_LABELS, RATINGS, type CriterionRating } from "~/domain/contract-review";
import { MILESTONE_LABELS, type MilestoneKind } from "~/domain/trajectory-codes";
import { formatShortDate } from "~/domain/dates-nl";

export type ReviewCriterion = { code: string; question: string; help: string };
export type ReviewMilestone = { id: number; kind: MilestoneKind; dueOn: string; title: string };

/**
 * The review: its procurement and, per active criterion, a rating, a note and a source. The criteria's fields are
 * named `r_<code>`, `n_<code>`, `s_<code>` (domain/contract-review.ts reads them); a criterion left open is "onbekend".
 */
export function ContractReviewForm({
  id,
  regionCode,
  criteria,
  milestones,
  defaults,
  lastResult,
  submitLabel,
}: {
  id: string;
  regionCode: string;
  criteria: ReviewCriterion[];
  milestones: ReviewMilestone[];
  defaults: { title?: string; milestoneId?: number | null; ratings: readonly CriterionRating[] };
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const given = new Map(defaults.ratings.map((r) => [r.code, r]));
  const initial: Record<string, string> = { regionCode, title: defaults.title ?? "", milestoneId: defaults.milestoneId ? String(defaults.milestoneId) : "" };
  for (const c of criteria) {
    const r = given.get(c.code);
    Object.assign(initial, { [`r_${c.code}`]: r?.rating ?? "unknown", [`n_${c.code}`]: r?.note ?? "", [`s_${c.code}`]: r?.source ?? "" });
  }
  // Validated by the server only (reviewHeadSchema and ratingsFromForm): the fields depend on the criteria of the day.
  const [form, fields] = useForm<Record<string, string>>({ id, lastResult, defaultValue: initial });
  return (
    <AppForm form={form} submitLabel={submitLabel}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="regionCode" value={regionCode} />
      <TextField field={fields.title!} label="Aanbesteding of contract" />
      <SelectField
        field={fields.milestoneId!}
        label="Aanbestedingsstuk (optioneel)"
        description="Een document of mijlpaal van deze regio, met de hand vastgelegd of door de TenderNed-monitor."
        options={milestones.map((m) => ({ value: String(m.id), label: `${MILESTONE_LABELS[m.kind]}: ${m.title} (${formatShortDate(m.dueOn)})` }))}
        placeholder="Geen"
      />
      {criteria.map((c) => (
        <FieldGroup key={c.code} legend={c.question}>
          {c.help ? <p className="utrecht-form-field-description">{c.help}</p> : null}
          <RadioGroup field={fields[`r_${c.code}`]!} legend="Beoordeling" options={RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }))} className="rd-rating" />
          <TextAreaField field={fields[`n_${c.code}`]!} label="Toelichting" rows={2} />
          <TextField field={fields[`s_${c.code}`]!} label="Bron (document, paragraaf, link)" />
        </FieldGroup>
      ))}
      <TextField field={fields.reason!} label="Waarom deze versie (optioneel)" />
    </AppForm>
  );
}
