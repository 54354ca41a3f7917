import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterButton, FilterSearch, FilterSelect } from "~/components/filter-fields";
import { Pagination } from "~/components/ui/pagination";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { can } from "~/domain/permissions";
import { NOTICE_TYPE_LABELS, parseProcurementFilters, procurementSearch } from "~/domain/tenderned-filters";
import { listProcurements, procurementRegionOptions } from "~/models/tenderned-list.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Aanbestedingen · Rode Draad" }];

/** The intermediary sees every region and the publications still to be assigned; an adviser the regions of their trajectories. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "procurement.readOwn");
  const filters = parseProcurementFilters(new URL(request.url).searchParams);
  return { filters, ...listProcurements(filters, user), regions: procurementRegionOptions(user), everyRegion: can(user.roles, "procurement.readAny") };
}

const TYPE_OPTIONS = Object.entries(NOTICE_TYPE_LABELS)
  .filter(([code]) => code !== "RVO")
  .map(([value, label]) => ({ value, label }));

export default function ProcurementsPage() {
  const { filters, rows, total, pageCount, regions, everyRegion } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Aanbestedingen</Heading>
      <Paragraph>
        Publicaties over jeugdhulp op TenderNed{everyRegion ? "" : " in de regio's van uw trajecten"}, nieuwste eerst. Elke publicatie staat ook als
        mijlpaal bij haar regio.
      </Paragraph>
      <Form method="get" className="rd-filters" aria-label="Filters">
        <FilterSearch name="van" label="Gepubliceerd vanaf" value={filters.van} type="date" />
        <FilterSearch name="tot" label="Gepubliceerd tot en met" value={filters.tot} type="date" />
        <FilterSelect name="soort" label="Soort" value={filters.soort} options={TYPE_OPTIONS} />
        <FilterSelect name="regio" label="Regio" value={filters.regio} options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        <FilterSearch name="sluitVanaf" label="Sluiting op of na" value={filters.sluitVanaf} type="date" />
        <FilterButton />
      </Form>
      <DataTable
        caption={`${total} ${total === 1 ? "publicatie" : "publicaties"}`}
        rows={rows}
        rowKey={(r) => r.id}
        stackOnNarrow
        empty={<Paragraph>Geen publicaties in deze weergave.</Paragraph>}
        columns={[
          { header: "Gepubliceerd", nowrap: true, cell: (r) => formatShortDate(r.publishedOn) },
          { header: "Soort", cell: (r) => NOTICE_TYPE_LABELS[r.typeCode] ?? r.typeLabel },
          {
            header: "Titel",
            rowHeader: true,
            cell: (r) =>
              r.link ? (
                <a className="utrecht-link" href={r.link} rel="noreferrer">
                  {r.title}
                  <span className="rd-visually-hidden"> (op TenderNed)</span>
                </a>
              ) : (
                r.title
              ),
          },
          { header: "Aanbestedende dienst", cell: (r) => r.authority },
          {
            header: "Regio",
            cell: (r) => (r.regionCode ? <TextLink to={`/regios/${r.regionCode}`}>{r.regionName ?? r.regionCode}</TextLink> : "Nog toe te wijzen"),
          },
          { header: "Sluiting", nowrap: true, cell: (r) => (r.closingOn ? formatShortDate(r.closingOn) : "") },
        ]}
      />
      {pageCount > 1 ? <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => `/aanbestedingen${procurementSearch(filters, page)}`} /> : null}
    </section>
  );
}
