import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/report/print-button";
import { chartsOf } from "~/components/report/report-chart.server";
import { ReportView } from "~/components/report/report-view";
import { ButtonLink } from "~/components/ui/button";
import { TextLink } from "~/components/ui/text";
import { parseReportYear } from "~/domain/report";
import { recordNumber } from "~/domain/url-params";
import { regionNames } from "~/models/reference.server";
import { regionMapGeometry } from "~/models/region-map.server";
import { publication } from "~/models/report-publication.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ params }) => [
  { title: `Rode draden ${params.year ?? ""}, versie ${params.version ?? ""} · Rode Draad` },
];

/** A frozen publication: exactly what readers were given, whatever has changed in the records since. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "report.readPublished");
  const year = parseReportYear(params.year);
  const version = recordNumber(params.version);
  const document = year !== null && version !== null ? publication(year, version) : null;
  if (!document) notFound("Deze versie van de rapportage");
  const names = document.showRegions ? regionNames() : {};
  // Region names and the map only where this publication allowed them; a publication never marks trajectories.
  const map = document.showRegions ? { geometry: regionMapGeometry(), withTrajectory: [] } : null;
  return { document, regionNames: names, charts: await chartsOf(document, names), map };
}

export default function PublishedReportPage() {
  const { document, regionNames: names, charts, map } = useLoaderData<typeof loader>();
  const { year } = document.report;
  const version = document.publication?.version;
  return (
    <>
      <nav className="rd-toolbar rd-no-print" aria-label="Rapportage">
        <TextLink to="/rapportage">Alle rapportages</TextLink>
        <ButtonLink to={`/rapportage/${year}/tabellen.csv?versie=${version}`} reloadDocument>
          Tabellen als CSV
        </ButtonLink>
        <ButtonLink to={`/rapportage/${year}/tabellen.xlsx?versie=${version}`} reloadDocument>
          Tabellen als Excel
        </ButtonLink>
        <ButtonLink to={`/rapportage/${year}/versie/${version}/pdf`} reloadDocument>
          Download PDF
        </ButtonLink>
        <PrintButton />
      </nav>
      <ReportView document={document} regionNames={names} charts={charts} linked={false} map={map} />
    </>
  );
}
