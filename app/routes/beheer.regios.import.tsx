import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, CsvUploadForm } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { DataTable } from "~/components/ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { DomainError } from "~/domain/errors";
import { applyStagedTable, previewStagedTable, stageRegionTable } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/form.server";
import { notFound, requireUser } from "~/utils/guard.server";
import { actorOf } from "~/utils/request.server";
import { declaredLargerThan } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "CBS-tabel laden · Rode Draad" }];

const MAX_MEGABYTES = 5;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["admin"]);
  const id = new URL(request.url).searchParams.get("upload");
  if (!id) return { preview: null };
  const preview = /^\d+$/.test(id) ? previewStagedTable(Number(id)) : undefined;
  if (!preview) notFound("Deze upload");
  return { preview };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("upload"), file: z.instanceof(File, { message: "Kies een CSV-bestand." }) }),
  z.object({ intent: z.literal("apply"), uploadId: z.coerce.number().int().positive() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, ["admin"]);
  if (declaredLargerThan(request, MAX_MEGABYTES)) {
    return data({ error: "Het bestand is groter dan 5 MB. Is dit wel de tabel met gemeenten en jeugdregio's?" }, { status: 413 });
  }
  const { submission } = await readForm(request, schema);
  if (submission.status !== "success") return data({ error: "Kies een CSV-bestand om te laden." }, { status: 400 });
  const actor = { ...actorOf(admin, context), userId: admin.id };
  if (submission.value.intent === "upload") {
    const file = submission.value.file;
    if (file.size === 0) return data({ error: "Het gekozen bestand is leeg." }, { status: 400 });
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
    if (error instanceof DomainError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
}

function ChangeList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="rd-section">
      <Heading level={3}>
        {title} ({items.length})
      </Heading>
      <UnorderedList>
        {items.map((item) => (
          <ListItem key={item}>{item}</ListItem>
        ))}
      </UnorderedList>
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
      {answer?.error ? <Alert type="error">{answer.error}</Alert> : null}
      {!preview ? (
        <>
          <Paragraph>
            Laad de tabel &lsquo;Gebieden in Nederland&rsquo; van het CBS (StatLine, CSV met puntkomma&apos;s) of een
            bestand in het formaat van Rode Draad. U ziet eerst wat er verandert; pas daarna past u de tabel toe.
          </Paragraph>
          <CsvUploadForm id="region-file" submitLabel="Bekijk wat er verandert" />
        </>
      ) : "issues" in preview ? (
        <>
          <Alert type="error" title={`${preview.fileName} kan niet worden geladen`}>
            <p className="utrecht-paragraph">Er is niets veranderd. Herstel deze fouten en laad het bestand opnieuw.</p>
          </Alert>
          <DataTable
            caption="Fouten in het bestand"
            rows={preview.issues.slice(0, 200)}
            rowKey={(i) => `${i.line}-${i.column ?? ""}-${i.message}`}
            empty={null}
            columns={[
              { header: "Regel", numeric: true, cell: (i) => i.line },
              { header: "Kolom", cell: (i) => i.column ?? "" },
              { header: "Fout", cell: (i) => i.message },
            ]}
          />
          <Paragraph>
            <TextLink to="/beheer/regios/import">Een ander bestand laden</TextLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Heading level={2}>Wat er verandert</Heading>
          <Paragraph>
            {preview.fileName}: {preview.table.rows.length} gemeenten. Ongewijzigd: {preview.diff.unchanged.regions} regio&apos;s,{" "}
            {preview.diff.unchanged.municipalities} gemeenten.
          </Paragraph>
          <ChangeList title="Nieuwe regio's" items={preview.diff.regionsAdded.map((r) => `${r.code} ${r.name}`)} />
          <ChangeList title="Hernoemde regio's" items={preview.diff.regionsRenamed.map((r) => `${r.code}: ${r.oldName} → ${r.newName}`)} />
          <ChangeList
            title="Regio's die niet meer voorkomen (blijven bewaard voor oude signalen)"
            items={preview.diff.regionsNoLongerPresent.map((r) => `${r.code} ${r.name}`)}
          />
          <ChangeList title="Verplaatste gemeenten" items={preview.diff.municipalitiesMoved.map((m) => `${m.name} (${m.code}): ${m.fromRegion} → ${m.toRegion}`)} />
          <ChangeList title="Nieuwe gemeenten" items={preview.diff.municipalitiesAdded.map((m) => `${m.name} (${m.code}) in ${m.regionCode}`)} />
          <ChangeList title="Gemeenten die niet meer voorkomen" items={preview.diff.municipalitiesRemoved.map((m) => `${m.name} (${m.code})`)} />
          <ChangeList title="Hernoemde gemeenten" items={preview.diff.municipalitiesRenamed.map((m) => `${m.code}: ${m.oldName} → ${m.newName}`)} />
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
