import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { yearInTheNetherlands } from "~/domain/dates";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterButton, FilterSearch, FilterSelect } from "~/components/filter-fields";
import { ButtonLink } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { inboxSearch, monthOptions, PAGE_SIZE, parseInboxFilters, type InboxFilters } from "~/domain/inbox-filters";
import {
  CHANNEL_LABELS,
  REFERRER_LABELS,
  REFERRERS,
  CHANNELS,
  TRIGGER_LABELS,
  TRIGGERS,
  optionsOf,
  PHASE_LABELS,
  PHASES,
  REQUESTER_TYPE_LABELS,
  REQUESTER_TYPES,
  STATUS_LABELS,
  STATUSES,
  TOPIC_LABELS,
  TOPICS,
} from "~/domain/signal-codes";
import { listInbox, signalYears } from "~/models/signal-inbox.server";
import { assignableStaff } from "~/models/signal.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { requireUser } from "~/auth/guard.server";

/** From this many rows an export takes long enough to say so (about 10 s for Excel on a small server). */
const LARGE_EXPORT = 50_000;

export const meta: MetaFunction = () => [{ title: "Signalen · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "signal.read");
  const filters = parseInboxFilters(new URL(request.url).searchParams);
  const inbox = listInbox(filters);
  return {
    filters,
    ...inbox,
    years: signalYears(),
    regions: regionAndMunicipalityOptions().regions,
    staff: assignableStaff(),
  };
}

/** The filters folded under "Meer filters": open when one of them is set, so a link from the report shows its filter. */
function moreFiltersSet(filters: InboxFilters): boolean {
  return Boolean(filters.tender || filters.requester || filters.month || filters.channel || filters.trigger || filters.assigned || filters.sort !== "newest");
}

function hasFilters(filters: InboxFilters): boolean {
  return inboxSearch({ ...filters, page: 1, sort: "newest", status: undefined }) !== "";
}

export default function InboxPage() {
  const { filters, rows, total, counts, years, regions, staff } = useLoaderData<typeof loader>();
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportQuery = inboxSearch({ ...filters, page: 1 });
  return (
    <section className="rd-section">
      <Heading level={1}>Signalen</Heading>
      <div className="rd-toolbar">
        <ButtonLink to="/signalen/nieuw" appearance="primary-action">
          Nieuw signaal
        </ButtonLink>
        <ButtonLink to="/signalen/import">CSV importeren</ButtonLink>
      </div>

      <nav aria-label="Status">
        <ul className="rd-tabs">
          <li>
            <Link to={`/signalen${inboxSearch(filters, { status: undefined, page: 1 })}`} aria-current={filters.status ? undefined : "page"}>
              Alle ({all})
            </Link>
          </li>
          {STATUSES.map((status) => (
            <li key={status}>
              <Link to={`/signalen${inboxSearch(filters, { status, page: 1 })}`} aria-current={filters.status === status ? "page" : undefined}>
                {STATUS_LABELS[status]} ({counts[status]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" className="rd-filters" aria-label="Filters">
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <FilterSearch name="q" label="Zoeken in samenvattingen" value={filters.q} />
        <FilterSelect name="topic" label="Soort vraag" value={filters.topic} options={optionsOf(TOPICS, TOPIC_LABELS)} />
        <FilterSelect name="phase" label="Fase inkoop" value={filters.phase} options={optionsOf(PHASES, PHASE_LABELS)} />
        <FilterSelect name="region" label="Regio" value={filters.region} options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        <FilterSelect name="year" label="Jaar" value={filters.year} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <FilterSelect name="unclassified" label="Classificatie" value={filters.unclassified} options={[{ value: "yes", label: "Te classificeren" }]} />
        <details className="rd-details" open={moreFiltersSet(filters) || undefined}>
          <summary>Meer filters</summary>
          <div className="rd-filters__more">
            <FilterSelect name="tender" label="Aanbestedingsgerelateerd" value={filters.tender} options={[{ value: "yes", label: "Ja" }, { value: "no", label: "Nee" }]} />
            <FilterSelect name="requester" label="Afkomstig van" value={filters.requester} options={optionsOf(REQUESTER_TYPES, REQUESTER_TYPE_LABELS)} />
            <FilterSelect name="month" label="Maand" value={filters.month} options={monthOptions(filters.year ?? years[0] ?? yearInTheNetherlands())} />
            <FilterSelect name="channel" label="Binnengekomen via" value={filters.channel} options={optionsOf(CHANNELS, CHANNEL_LABELS)} />
            <FilterSelect name="referrer" label="Aangedragen door" value={filters.referrer} options={optionsOf(REFERRERS, REFERRER_LABELS)} />
            <FilterSelect name="trigger" label="Aanleiding" value={filters.trigger} options={optionsOf(TRIGGERS, TRIGGER_LABELS)} />
            <FilterSelect
              name="assigned"
              label="Toegewezen aan"
              value={filters.assigned}
              allLabel="Iedereen"
              options={[{ value: "none", label: "Niemand" }, ...staff.map((s) => ({ value: String(s.id), label: s.name }))]}
            />
            <FilterSelect name="sort" label="Volgorde" value={filters.sort === "newest" ? undefined : filters.sort} allLabel="Nieuwste eerst" options={[{ value: "oldest", label: "Oudste eerst" }]} />
          </div>
        </details>
        <FilterButton>
          {hasFilters(filters) ? <TextLink to={`/signalen${filters.status ? `?status=${filters.status}` : ""}`}>Filters wissen</TextLink> : null}
        </FilterButton>
      </Form>

      <DataTable
        caption={`${total} ${total === 1 ? "signaal" : "signalen"}${filters.status ? ` met status ${STATUS_LABELS[filters.status].toLowerCase()}` : ""}`}
        rows={rows}
        rowKey={(r) => r.id}
        empty={
          all === 0 && !hasFilters(filters) ? (
            <Paragraph>
              Nog geen signalen. <TextLink to="/signalen/nieuw">Leg een signaal vast</TextLink> of{" "}
              <TextLink to="/signalen/import">importeer een CSV-bestand</TextLink>.
            </Paragraph>
          ) : (
            <Paragraph>
              Geen signalen in deze weergave. Kies een andere status of <TextLink to="/signalen">wis de filters</TextLink>.
            </Paragraph>
          )
        }
        stackOnNarrow
        columns={[
          { header: "Binnen", nowrap: true, cell: (r) => formatShortDate(r.receivedOn) },
          {
            header: "Samenvatting",
            rowHeader: true,
            cell: (r) => (
              <TextLink to={`/signalen/${r.id}`} className="rd-clamp">
                {r.summary || `Signaal ${r.id}`}
              </TextLink>
            ),
          },
          { header: "Soort vraag", cell: (r) => TOPIC_LABELS[r.topic] },
          { header: "Fase", cell: (r) => PHASE_LABELS[r.procurementPhase] },
          { header: "Afkomstig van", cell: (r) => REQUESTER_TYPE_LABELS[r.requesterType] },
          { header: "Regio", cell: (r) => r.regionName },
          {
            header: "Status",
            cell: (r) => (
              <>
                <span className="rd-badge">{STATUS_LABELS[r.status]}</span>
                {r.awaitingClassification ? <span className="rd-badge rd-badge--news"> te classificeren</span> : null}
                {r.hasNews ? <span className="rd-badge rd-badge--news"> nieuw bericht</span> : null}
                {r.assignee ? <span className="rd-cell-note">{r.assignee}</span> : null}
              </>
            ),
          },
        ]}
      />
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => `/signalen${inboxSearch(filters, { page })}`} />

      <section className="rd-section" aria-labelledby="export-heading">
        <Heading level={2} id="export-heading">
          Exporteren
        </Heading>
        <Paragraph>
          Exporteert de signalen van deze weergave ({total}). Namen en contactgegevens van melders en de toelichting gaan nooit
          mee. Excel en de CSV voor Excel zijn voor mensen: Nederlandse kolomnamen en waarden, het signaalnummer, echte datums;
          tekst die begint met =, +, - of @ krijgt een &apos; ervoor, zodat Excel er geen formule van maakt. Beide kunnen na
          bewerken weer worden geïmporteerd. De CSV voor systemen is precies het importformaat van Rode Draad (codes,
          komma&apos;s, JJJJ-MM-DD) en wordt ongewijzigd weer ingelezen. Signalen die nog te classificeren zijn, gaan niet mee:
          hun codes zijn voorlopig.
        </Paragraph>
        {total >= LARGE_EXPORT ? (
          <Paragraph>
            Dit zijn {total.toLocaleString("nl-NL")} signalen: het bestand wordt gemaakt terwijl het binnenkomt en dat kan enkele minuten
            duren (Excel langer dan CSV). Uw browser toont bij de download hoeveel er al binnen is.
          </Paragraph>
        ) : null}
        <Form method="get" action="/signalen/export" reloadDocument className="rd-toolbar">
          {Array.from(new URLSearchParams(exportQuery.slice(1))).map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <div className="utrecht-form-field utrecht-form-field--checkbox">
            <input id="export-summary" type="checkbox" name="summary" value="yes" className="utrecht-checkbox utrecht-checkbox--html-input" />{" "}
            <label htmlFor="export-summary" className="utrecht-form-label utrecht-form-label--checkbox">
              Samenvatting meenemen (vertrouwelijk)
            </label>
          </div>
          <button type="submit" name="format" value="xlsx" className="utrecht-button utrecht-button--secondary-action">
            Excel (.xlsx)
          </button>
          <button type="submit" name="format" value="csv" className="utrecht-button utrecht-button--secondary-action">
            CSV voor Excel
          </button>
          <button type="submit" name="formaat" value="machine" className="utrecht-button utrecht-button--subtle">
            CSV voor systemen (DESIGN-formaat)
          </button>
        </Form>
      </section>
    </section>
  );
}
