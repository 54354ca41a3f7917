import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterButton, FilterSearch, FilterSelect } from "~/components/filter-fields";
import { Pagination } from "~/components/ui/pagination";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph } from "~/components/ui/text";
import { auditActionLabel, auditEntityLabel } from "~/domain/audit-labels";
import { formatDateTime } from "~/domain/dates-nl";
import { isCalendarDate } from "~/domain/dates";
import { pageParam } from "~/domain/url-params";
import { AUDIT_PAGE_SIZE, auditActors, browseAudit } from "~/models/audit.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Auditlog · Rode Draad" }];

const ACTION_GROUPS = [
  { value: "auth.", label: "Inloggen en uitloggen" },
  { value: "user.", label: "Accounts" },
  { value: "signal.", label: "Signalen" },
  { value: "portal.", label: "Meldformulier" },
  { value: "trajectory.", label: "Trajecten" },
  { value: "procurement.", label: "Aanbestedingsstukken" },
  { value: "reference.", label: "Regio-indeling" },
  { value: "data_subject.", label: "Verzoeken van betrokkenen" },
  { value: "setup.", label: "Eerste account" },
];

const filterSchema = z.object({
  action: z.string().max(60).optional().catch(undefined),
  actor: z.coerce.number().int().positive().optional().catch(undefined),
  entityType: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  entityId: z.string().max(40).optional().catch(undefined),
  from: z.string().refine(isCalendarDate).optional().catch(undefined),
  to: z.string().refine(isCalendarDate).optional().catch(undefined),
  page: pageParam,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "audit.read");
  const url = new URL(request.url);
  const filters = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  // The page size travels with the data: the browser bundle has no server module to read it from.
  return { filters, ...browseAudit(filters), pageSize: AUDIT_PAGE_SIZE, actors: auditActors(), search: url.search };
}

export default function AuditPage() {
  const { filters, rows, total, pageSize, actors, search } = useLoaderData<typeof loader>();
  const pageHref = (page: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(page));
    return `?${params.toString()}`;
  };
  return (
    <section className="rd-section">
      <Heading level={1}>Auditlog</Heading>
      <Paragraph>
        Wie wat deed, wanneer, met welk gegeven en vanaf welk adres. De log kan niet worden gewijzigd; elke regel bevat een
        hash over de vorige (controle: <code>npm run audit:verify</code>). Vertrouwelijke tekst staat er nooit in.
      </Paragraph>
      <Form method="get" className="rd-filters" aria-label="Filters">
        <FilterSelect name="action" label="Soort handeling" value={filters.action} options={ACTION_GROUPS} />
        <FilterSelect name="actor" label="Wie" value={filters.actor} allLabel="Iedereen" options={actors.map((a) => ({ value: String(a.id), label: a.name }))} />
        <FilterSearch name="entityType" label="Soort gegeven (code, bijv. signal)" value={filters.entityType} />
        <FilterSearch name="entityId" label="Nummer van het gegeven" value={filters.entityId} />
        <FilterSearch name="from" label="Vanaf (JJJJ-MM-DD)" value={filters.from} />
        <FilterSearch name="to" label="Tot en met (JJJJ-MM-DD)" value={filters.to} />
        <FilterButton />
      </Form>
      <DataTable
        caption={`${total} regels`}
        rows={rows}
        rowKey={(r) => r.id}
        empty={<Paragraph>Geen regels met deze filters.</Paragraph>}
        columns={[
          { header: "Wanneer", nowrap: true, cell: (r) => formatDateTime(r.at) },
          { header: "Wie", cell: (r) => r.actor ?? "—" },
          { header: "Handeling", rowHeader: true, cell: (r) => <span title={r.action}>{auditActionLabel(r.action)}</span> },
          { header: "Gegeven", cell: (r) => auditEntityLabel(r.entityType, r.entityId) },
          { header: "Adres", cell: (r) => r.clientAddress ?? "" },
          { header: "Details", cell: (r) => r.detail ?? "" },
        ]}
      />
      <Pagination page={filters.page} pageCount={Math.max(1, Math.ceil(total / pageSize))} hrefFor={pageHref} />
    </section>
  );
}
