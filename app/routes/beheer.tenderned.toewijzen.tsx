import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm, SelectField } from "~/components/form";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { waitingAuthorities } from "~/models/tenderned-list.server";
import { assignAuthority } from "~/models/tenderned-store.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nog toe te wijzen · TenderNed · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "tenderned.manage");
  return { waiting: waitingAuthorities(), regions: regionAndMunicipalityOptions().regions };
}

const schema = z.object({
  authority: z.string({ required_error: "Deze publicatie noemt geen aanbestedende dienst." }).trim().min(1).max(500),
  regionCode: z.string({ required_error: "Kies een regio." }).regex(/^JZ\d{2}$/, "Kies een regio."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "tenderned.manage");
  const { formData, submission } = await readForm(request, schema);
  const authority = String(formData.get("authority") ?? "");
  if (submission.status !== "success") return data({ authority, result: replyWithError(submission) }, { status: 400 });
  try {
    const { publications, milestonesChanged } = assignAuthority(submission.value, actorOf(admin, context));
    return redirectWithFlash(
      "/beheer/tenderned/toewijzen",
      `${submission.value.authority} hoort nu bij de regio: ${publications} ${publications === 1 ? "publicatie" : "publicaties"} gekoppeld, ${milestonesChanged} mijlpalen toegevoegd. Latere publicaties van deze dienst worden vanzelf gekoppeld.`,
    );
  } catch (error) {
    return data({ authority, result: replyWithError(submission, error) }, { status: 400 });
  }
}

type Waiting = ReturnType<typeof waitingAuthorities>[number];

/** One click per authority: the region, and "Toewijzen". */
function AssignForm({ row, index, regions, lastResult }: { row: Waiting; index: number; regions: { code: string; name: string }[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: `assign-${index}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  return (
    <AppForm form={form} submitLabel="Toewijzen">
      <input type="hidden" name="authority" value={row.authority} />
      <SelectField field={fields.regionCode} label={`Regio voor ${row.authority}`} placeholder="Kies een regio" options={regions.map((r) => ({ value: r.code, label: r.name }))} />
    </AppForm>
  );
}

export default function WaitingAuthoritiesPage() {
  const { waiting, regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/beheer/tenderned">Terug naar de TenderNed-monitor</TextLink>
      </Paragraph>
      <Heading level={1}>Nog toe te wijzen</Heading>
      <Paragraph>
        Publicaties over jeugdhulp van aanbestedende diensten die geen gemeentenaam zijn en nog geen vaste regio hebben (een serviceorganisatie, een
        samenwerkingsverband). Wijs de dienst één keer toe: de naam wordt bewaard, en ook latere publicaties komen dan bij die regio.
      </Paragraph>
      <DataTable
        caption={`${waiting.length} aanbestedende ${waiting.length === 1 ? "dienst" : "diensten"}`}
        rows={waiting}
        rowKey={(w) => w.authority}
        stackOnNarrow
        empty={<Paragraph>Niets toe te wijzen.</Paragraph>}
        columns={[
          { header: "Aanbestedende dienst", rowHeader: true, cell: (w) => w.authority || "(geen naam)" },
          { header: "Publicaties", numeric: true, cell: (w) => w.count },
          {
            header: "Laatste",
            cell: (w) => (
              <>
                {formatShortDate(w.latest.publishedOn)} ·{" "}
                {w.latest.link ? (
                  <a className="utrecht-link" href={w.latest.link} rel="noreferrer">
                    {w.latest.title}
                  </a>
                ) : (
                  w.latest.title
                )}
              </>
            ),
          },
          {
            header: "Regio",
            cell: (w) =>
              w.authority ? <AssignForm row={w} index={waiting.indexOf(w)} regions={regions} lastResult={answer?.authority === w.authority ? answer.result : undefined} /> : "",
          },
        ]}
      />
    </section>
  );
}
