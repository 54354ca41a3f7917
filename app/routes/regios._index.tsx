import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-fields";
import { RegionMap } from "~/components/report/region-map";
import { Button } from "~/components/ui/button";
import { Heading, Paragraph } from "~/components/ui/text";
import { yearInTheNetherlands } from "~/domain/dates";
import { parseReportYear } from "~/domain/report";
import { NO_LABELS } from "~/domain/report-format";
import { regionMapGeometry } from "~/models/region-map.server";
import { reportYears } from "~/models/report-publication.server";
import { trajectoryRegions, yearReport } from "~/models/report.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Regio-overzicht · Rode Draad" }];

/** The staff overview of all regions for one year (?jaar=): the map of the year report, with every figure. */
export async function loader({ request }: LoaderFunctionArgs) {
  // Signals per region of a year: finer than any publication, so only who may read region counts.
  await requireUser(request, "region.readSignalCounts");
  const years = reportYears();
  const asked = parseReportYear(new URL(request.url).searchParams.get("jaar") ?? undefined);
  const year = asked ?? years[0] ?? yearInTheNetherlands();
  const byRegion = yearReport(year).signals.byRegion;
  return { year, years, byRegion, map: { geometry: regionMapGeometry(), withTrajectory: trajectoryRegions(year) } };
}

export default function RegionOverviewPage() {
  const { year, years, byRegion, map } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Regio-overzicht {year}</Heading>
      <Paragraph>
        Vragen en signalen per jeugdregio (CBS-indeling 2024) en de regio&apos;s met een bemiddelingstraject in {year}. Kies
        een regio voor haar signalen, trajecten en aanbestedingsstukken.
      </Paragraph>
      <Form method="get" className="rd-filters" aria-label="Jaar kiezen">
        <FilterSelect name="jaar" label="Jaar" value={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button type="submit" appearance="secondary-action">
          Tonen
        </Button>
      </Form>
      <RegionMap id="kaart-overzicht" caption={`Vragen per jeugdregio in ${year}`} map={map} cells={byRegion} labels={NO_LABELS} linked table />
    </section>
  );
}
