import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, resultFor } from "~/components/form";
import { RefusalAlert, UploadForm } from "~/components/upload-form";
import { IssueTable } from "~/components/import-issues";
import { Alert } from "~/components/ui/alert";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { DomainError } from "~/domain/errors";
import { uploadSchema } from "~/domain/upload-form";
import { previewPage } from "~/domain/preview-page";
import { applyStagedTable, previewStagedTable, stageRegionTable } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "CBS-tabel laden · Rode Draad" }];

/** Change lists show their first entries only: a file that moves every municipality need not list all of them. */
const LISTED = 100;
const listed = (title: string, items: string[]) => ({ title, items: items.slice(0, LISTED), total: items.length });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "regionTable.manage");
  const params = new URL(request.url).searchParams;
  const id = params.get("upload");
  if (!id) return { preview: null };
  const staged = /^\d+$/.test(id) ? previewStagedTable(Number(id)) : undefined;
  if (!staged) notFound("Deze upload");
  const base = { id: staged.id, fileName: staged.fileName, applied: staged.applied };
  // What the page shows, bounded: never the whole table or every error of the file.
  if ("issues" in staged) return { preview: { ...base, issues: previewPage(staged.issues, params.get("page")) } };
  const d = staged.diff;
  return {
    preview: {
      ...base,
      municipalities: staged.table.rows.length,
      unchanged: d.unchanged,
      changes: [
        listed("Nieuwe regio's", d.regionsAdded.map((r) => `${r.code} ${r.name}`)),
        listed("Hernoemde regio's", d.regionsRenamed.map((r) => `${r.code}: ${r.oldName} → ${r.newName}`)),
        listed("Regio's die niet meer voorkomen (blijven bewaard voor oude signalen)", d.regionsNoLongerPresent.map((r) => `${r.code} ${r.name}`)),
        listed("Verplaatste gemeenten", d.municipalitiesMoved.map((m) => `${m.name} (${m.code}): ${m.fromRegion} → ${m.toRegion}`)),
        listed("Nieuwe gemeenten", d.municipalitiesAdded.map((m) => `${m.name} (${m.code}) in ${m.regionCode}`)),
        listed("Gemeenten die niet meer voorkomen", d.municipalitiesRemoved.map((m) => `${m.name} (${m.code})`)),
        listed("Hernoemde gemeenten", d.municipalitiesRenamed.map((m) => `${m.code}: ${m.oldName} → ${m.newName}`)),
      ],
    },
  };
}

const UPLOAD = uploadSchema("Kies een CSV-bestand.");

const schema = z.discriminatedUnion("intent", [
  UPLOAD,
  z.object({ intent: z.literal("apply"), uploadId: z.coerce.number().int().positive() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "regionTable.manage");
  const { submission, refuse } = await readIntentForm(request, schema);
  if (submission.status !== "success") return refuse();
  const actor = { ...actorOf(admin, context), userId: admin.id };
  if (submission.value.intent === "upload") {
    const file = submission.value.file;
    const id = stageRegionTable(file.name || "tabel.csv", await file.text(), actor);
    return redirect(`/beheer/regios/import?upload=${id}`);
  }
  try {
    const diff = applyStagedTable(submission.value.uploadId, actor);
    return redirectWithFlash(
      "/beheer/regios",
      `De tabel is toegepast: ${diff.municipalitiesMoved.length} gemeenten verplaatst, ${diff.municipalitiesAdded.length} toegevoegd, ${diff.regionsAdded.length} regio's toegevoegd.`,
    );
  } catch (error) {
    if (error instanceof DomainError) return refuse(error);
    throw error;
  }
}

function ChangeList({ title, items, total }: { title: string; items: string[]; total: number }) {
  if (total === 0) return null;
  return (
    <section className="rd-section">
      <Heading level={3}>
        {title} ({total})
      </Heading>
      <UnorderedList>
        {items.map((item) => (
          <ListItem key={item}>{item}</ListItem>
        ))}
      </UnorderedList>
      {total > items.length ? <Paragraph>En nog {(total - items.length).toLocaleString("nl-NL")}.</Paragraph> : null}
    </section>
  );
}

export default function RegionImportPage() {
  const { preview } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/beheer/regios">Terug naar regio&apos;s</TextLink>
      </Paragraph>
      <Heading level={1}>CBS-tabel laden</Heading>
      <RefusalAlert result={answer?.intent === "upload" ? undefined : answer?.result} />
      {!preview ? (
        <>
          <Paragraph>
            Laad de tabel &lsquo;Gebieden in Nederland&rsquo; van het CBS (StatLine, CSV met puntkomma&apos;s) of een
            bestand in het formaat van Rode Draad. U ziet eerst wat er verandert; pas daarna past u de tabel toe.
          </Paragraph>
          <UploadForm id="region-file" schema={UPLOAD} submitLabel="Bekijk wat er verandert" lastResult={resultFor(answer, "upload")} kind="csv" />
        </>
      ) : "issues" in preview ? (
        <>
          <Alert type="error" title={`${preview.fileName} kan niet worden geladen`}>
            <p className="utrecht-paragraph">Er is niets veranderd. Herstel deze fouten en laad het bestand opnieuw.</p>
          </Alert>
          <IssueTable caption="Fouten in het bestand" issues={preview.issues} hrefFor={(page) => `/beheer/regios/import?upload=${preview.id}&page=${page}`} />
          <Paragraph>
            <TextLink to="/beheer/regios/import">Een ander bestand laden</TextLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Heading level={2}>Wat er verandert</Heading>
          <Paragraph>
            {preview.fileName}: {preview.municipalities} gemeenten. Ongewijzigd: {preview.unchanged.regions} regio&apos;s,{" "}
            {preview.unchanged.municipalities} gemeenten.
          </Paragraph>
          {preview.changes.map((change) => (
            <ChangeList key={change.title} {...change} />
          ))}
          {preview.applied ? (
            <Alert type="info">Deze tabel is al toegepast.</Alert>
          ) : (
            <ActionButton intent="apply" label="Tabel toepassen" confirmText="De regio-indeling wordt bijgewerkt. Doorgaan?">
              <input type="hidden" name="uploadId" value={preview.id} />
            </ActionButton>
          )}
        </>
      )}
    </section>
  );
}
