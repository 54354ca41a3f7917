import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { listRegions } from "~/models/reference.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Regio's en gemeenten · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "regionTable.manage");
  return { regions: listRegions() };
}

export default function RegionsPage() {
  const { regions } = useLoaderData<typeof loader>();
  const toCheck = regions.reduce((sum, r) => sum + r.needsCheckCount, 0);
  return (
    <section className="rd-section">
      <Heading level={1}>Regio&apos;s en gemeenten</Heading>
      <Paragraph>
        De jeugdregio&apos;s (CBS-indeling 2024) met hun gemeenten. Een signaal houdt altijd de regio waarmee het is
        vastgelegd, ook als een gemeente later naar een andere regio verhuist.
      </Paragraph>
      {toCheck > 0 ? (
        <Paragraph>
          {toCheck} gemeenten liggen dicht bij een regiogrens en zijn afgeleid, niet door het CBS bevestigd. Controleer ze
          per regio, of laad de officiële CBS-tabel.
        </Paragraph>
      ) : null}
      <p>
        <ButtonLink to="/beheer/regios/import">Nieuwe CBS-tabel laden</ButtonLink>
      </p>
      <DataTable
        caption="Jeugdregio's"
        rows={regions}
        rowKey={(r) => r.code}
        empty={<Paragraph>Er zijn geen regio&apos;s geladen. Laad een CBS-tabel.</Paragraph>}
        columns={[
          { header: "Code", cell: (r) => r.code },
          { header: "Regio", rowHeader: true, cell: (r) => <TextLink to={`/beheer/regios/${r.code}`}>{r.name}</TextLink> },
          { header: "Gemeenten", numeric: true, cell: (r) => r.municipalityCount },
          { header: "Te controleren", numeric: true, cell: (r) => r.needsCheckCount },
          { header: "Status", cell: (r) => (r.active ? "Actief" : "Niet meer in gebruik") },
        ]}
      />
    </section>
  );
}
