import type { ReactNode } from "react";
import { DataTable, type Column } from "~/components/ui/table";
import { Heading, TextLink } from "~/components/ui/text";
import { labelsOf, type ReportDocument } from "~/domain/report-document";
import { hrefOf } from "~/domain/report-prose";
import { keyFigures, type ReportTable, type TableRow } from "~/domain/report-tables";
import { RegionMap, type RegionMapData } from "./region-map";

/** The appendices: the key figures beside the previous year's, then every chart followed by its numbers. */
export function ReportAppendix({
  document,
  tables,
  charts,
  linked,
  map,
}: {
  document: ReportDocument;
  tables: ReportTable[];
  charts: Record<string, string>;
  linked: boolean;
  /** The region map, drawn with the regions table where region names may appear. */
  map: RegionMapData | null;
}) {
  const { report, previous } = document;
  return (
    <>
      {previous ? (
        <section className="rd-report-section rd-report-appendix" aria-labelledby="rapport-vergelijking">
          <Heading level={2} id="rapport-vergelijking">
            Bijlage: vergelijking met {previous.year}
          </Heading>
          <DataTable
            caption={`Kerncijfers ${report.year} en ${previous.year}`}
            rows={keyFigures(document)}
            rowKey={(row) => row.label}
            empty={null}
            columns={[
              { header: "Kerncijfer", rowHeader: true, cell: (row) => row.label },
              { header: String(report.year), numeric: true, cell: (row) => row.current },
              { header: String(previous.year), numeric: true, cell: (row) => row.previous },
              { header: "Verschil", numeric: true, cell: (row) => row.difference },
            ]}
          />
        </section>
      ) : null}
      <section className="rd-report-section rd-report-appendix" aria-labelledby="rapport-cijfers">
        <Heading level={2} id="rapport-cijfers">
          Bijlage: cijfers en grafieken
        </Heading>
        {tables.map((table) => (
          <FigureWithTable
            key={table.id}
            table={table}
            chart={charts[table.id]}
            linked={linked}
            previousYear={previous?.year}
            map={
              table.id === "regios" && map ? (
                <RegionMap id="kaart-rapport" caption={`Vragen per jeugdregio in ${report.year}`} map={map} cells={report.signals.byRegion} labels={labelsOf(document, "current")} linked={linked} table={false} />
              ) : null
            }
          />
        ))}
      </section>
    </>
  );
}

function FigureWithTable({
  table,
  chart,
  linked,
  previousYear,
  map,
}: {
  table: ReportTable;
  chart: string | undefined;
  linked: boolean;
  previousYear: number | undefined;
  map: ReactNode;
}) {
  const hasShare = table.rows.some((row) => row.share !== undefined);
  const columns: Column<TableRow>[] = [
    {
      header: "Omschrijving",
      rowHeader: true,
      cell: (row): ReactNode => (linked && row.source ? <TextLink to={hrefOf(row.source)}>{row.label}</TextLink> : row.label),
    },
    { header: `Aantal ${table.unit}`, numeric: true, cell: (row) => row.countText },
  ];
  if (hasShare) columns.push({ header: "Aandeel", numeric: true, cell: (row) => row.shareText ?? "" });
  if (previousYear !== undefined) {
    columns.push(
      { header: String(previousYear), numeric: true, cell: (row) => row.previousText ?? "" },
      { header: "Verschil", numeric: true, cell: (row) => row.difference ?? "" },
    );
  }
  return (
    <figure className="rd-report-figure" id={`tabel-${table.id}`} aria-labelledby={`titel-${table.id}`}>
      <figcaption id={`titel-${table.id}`} className="utrecht-heading-3">
        {table.title}
      </figcaption>
      {chart ? <div className="rd-chart" aria-hidden="true" dangerouslySetInnerHTML={{ __html: chart }} /> : null}
      {map}
      <DataTable caption={`${table.title}: aantallen`} rows={table.rows} rowKey={(row) => row.code} empty={null} columns={columns} />
    </figure>
  );
}
