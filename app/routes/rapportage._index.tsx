import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { can } from "~/domain/permissions";
import { publications, reportYears } from "~/models/report-publication.server";
import { requireUser } from "~/auth/guard.server";
import { formatDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Rapportage · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "report.readPublished");
  const staff = can(user.roles, "report.readWorking");
  return { staff, years: staff ? reportYears() : [], published: publications() };
}

const dateOf = formatDate;

export default function ReportsPage() {
  const { staff, years, published } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Rapportage rode draden</Heading>
      {staff ? (
        <>
          <Paragraph>
            De jaarrapportage met alle cijfers per jaar. Schrijf de tekst, bekijk de vergelijking met het jaar ervoor en
            publiceer een versie voor lezers: daarin worden kleine aantallen afgeschermd.
          </Paragraph>
          <DataTable
            caption="Jaren"
            rows={years}
            rowKey={(year) => year}
            empty={<Paragraph>Nog geen gegevens.</Paragraph>}
            columns={[
              { header: "Jaar", rowHeader: true, cell: (year) => <TextLink to={`/rapportage/${year}`}>Rapportage {year}</TextLink> },
              { header: "Tekst", cell: (year) => <TextLink to={`/rapportage/${year}/tekst`}>Tekst {year} schrijven</TextLink> },
              { header: "Gepubliceerde versies", numeric: true, cell: (year) => published.filter((p) => p.year === year).length },
            ]}
          />
        </>
      ) : (
        <Paragraph>Hier staan de gepubliceerde jaarrapportages van de intermediair.</Paragraph>
      )}
      <DataTable
        caption="Gepubliceerde versies"
        rows={published}
        rowKey={(p) => `${p.year}-${p.version}`}
        empty={<Paragraph>Er is nog geen rapportage gepubliceerd.</Paragraph>}
        columns={[
          {
            header: "Rapportage",
            rowHeader: true,
            cell: (p) => <TextLink to={`/rapportage/${p.year}/versie/${p.version}`}>Rode draden {p.year}, versie {p.version}</TextLink>,
          },
          { header: "Gepubliceerd op", cell: (p) => dateOf(p.publishedAt) },
        ]}
      />
    </section>
  );
}
