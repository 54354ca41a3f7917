import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField } from "~/components/choice-fields";
import { AppForm, TextAreaField, TextField } from "~/components/form";
import { Heading, Paragraph } from "~/components/ui/text";
import { criterionSchema } from "~/domain/contract-review";
import { listCriteria, saveCriterion } from "~/models/review-criteria.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Criteria contracttoets · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "reviewCriteria.manage");
  return { criteria: listCriteria() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "reviewCriteria.manage");
  const { formData, submission } = await readForm(request, criterionSchema);
  const formId = String(formData.get("id") ?? "new");
  if (submission.status !== "success") return data({ formId, result: replyWithError(submission) }, { status: 400 });
  try {
    saveCriterion(submission.value, actorOf(user, context));
    return redirectWithFlash("/beheer/criteria", `Criterium "${submission.value.code}" is opgeslagen.`);
  } catch (error) {
    return data({ formId, result: replyWithError(submission, error) }, { status: 400 });
  }
}

type Criterion = ReturnType<typeof listCriteria>[number];

function CriterionForm({ criterion, lastResult }: { criterion?: Criterion; lastResult: ReturnType<typeof useActionData<typeof action>> }) {
  const key = criterion ? String(criterion.id) : "new";
  const [form, fields] = useForm({
    id: `criterion-${key}`,
    lastResult: lastResult?.formId === key ? lastResult.result : undefined,
    defaultValue: criterion ? { ...criterion, position: String(criterion.position), active: criterion.active ? ("yes" as const) : undefined } : { position: "100", active: "yes" as const },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: criterionSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <AppForm form={form} submitLabel={criterion ? `Opslaan: ${criterion.code}` : "Criterium toevoegen"}>
      {criterion ? <input type="hidden" name="id" value={criterion.id} /> : null}
      <TextField field={fields.code} label="Code" description="Kleine letters, cijfers en streepjes; de kolom in het overzicht." />
      <TextAreaField field={fields.question} label="Vraag" rows={2} />
      <TextAreaField field={fields.help} label="Toelichting voor wie toetst" rows={3} />
      <TextField field={fields.position} label="Volgorde" description="Een heel getal; lager staat eerder." />
      <CheckboxField field={fields.active} label="Actief (nieuwe versies van toetsen vragen dit criterium)" />
    </AppForm>
  );
}

/** The admin maintains the criteria; a version keeps the question as asked, so changing one never rewrites history. */
export default function CriteriaPage() {
  const { criteria } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <section className="rd-section">
        <Heading level={1}>Criteria contracttoets</Heading>
        <Paragraph>Waarop de intermediair contracten toetst op toegankelijkheid voor vrijgevestigden. Een inactief criterium verdwijnt uit nieuwe versies; opgeslagen versies houden het.</Paragraph>
      </section>
      {criteria.map((c) => (
        <section key={c.id} className="rd-section" aria-label={`Criterium ${c.code}`}>
          <CriterionForm criterion={c} lastResult={lastResult} />
        </section>
      ))}
      <section className="rd-section" aria-labelledby="nieuw-criterium">
        <Heading level={2} id="nieuw-criterium">
          Nieuw criterium
        </Heading>
        <CriterionForm lastResult={lastResult} />
      </section>
    </>
  );
}
