import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { DomainError } from "~/domain/errors";
import { getRegion, listRegions, moveMunicipality } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Regio · Rode Draad" }];

function regionFromParams(code: string | undefined) {
  const region = code ? getRegion(code) : undefined;
  if (!region) notFound("Deze regio");
  return region;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "regionTable.manage");
  return { region: regionFromParams(params.code), regions: listRegions().filter((r) => r.active) };
}

const moveSchema = z.object({
  municipalityCode: z.string().regex(/^GM\d{4}$/),
  regionCode: z.string({ required_error: "Kies een regio." }).regex(/^JZ\d{2}$/, "Kies een regio."),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "regionTable.manage");
  const region = regionFromParams(params.code);
  const { submission } = await readForm(request, moveSchema);
  if (submission.status !== "success") return data({ error: "Kies een regio om de gemeente naartoe te verplaatsen." }, { status: 400 });
  const { municipalityCode, regionCode } = submission.value;
  if (!region.municipalities.some((m) => m.code === municipalityCode)) notFound("Deze gemeente");
  try {
    moveMunicipality(municipalityCode, regionCode, actorOf(admin, context));
  } catch (error) {
    if (error instanceof DomainError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  return redirectWithFlash(`/beheer/regios/${region.code}`, `De gemeente is verplaatst naar ${regionCode}.`);
}

export default function RegionPage() {
  const { region, regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/beheer/regios">Terug naar regio&apos;s</TextLink>
      </Paragraph>
      <Heading level={1}>
        {region.name} ({region.code})
      </Heading>
      {!region.active ? <Alert type="warning">Deze regio komt in de huidige indeling niet meer voor.</Alert> : null}
      {answer?.error ? <Alert type="error">{answer.error}</Alert> : null}
      <DataTable
        caption={`Gemeenten in ${region.name}`}
        rows={region.municipalities}
        rowKey={(m) => m.code}
        empty={<Paragraph>Deze regio heeft geen gemeenten.</Paragraph>}
        columns={[
          { header: "Code", cell: (m) => m.code },
          { header: "Gemeente", rowHeader: true, cell: (m) => m.name },
          { header: "Zekerheid", cell: (m) => (m.needsCheck ? "Grensgeval, te controleren" : "Zeker") },
          {
            header: "Verplaatsen naar",
            cell: (m) => (
              <Form method="post" className="rd-move-form">
                <CsrfField />
                <input type="hidden" name="municipalityCode" value={m.code} />
                <label className="utrecht-form-label" htmlFor={`move-${m.code}`}>
                  <span className="rd-visually-hidden">Nieuwe regio voor {m.name}</span>
                </label>
                <select id={`move-${m.code}`} name="regionCode" defaultValue="" className="utrecht-select utrecht-select--html-select">
                  <option value="">Kies een regio</option>
                  {regions
                    .filter((r) => r.code !== region.code)
                    .map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.code} {r.name}
                      </option>
                    ))}
                </select>{" "}
                <button type="submit" className="utrecht-button utrecht-button--secondary-action" aria-label={`${m.name} verplaatsen`}>
                  Verplaatsen
                </button>
              </Form>
            ),
          },
        ]}
      />
    </section>
  );
}
