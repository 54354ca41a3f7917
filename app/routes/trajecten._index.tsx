import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { yearInTheNetherlands } from "~/domain/dates";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterButton, FilterSelect } from "~/components/filter-fields";
import { ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { optionsOf } from "~/domain/signal-codes";
import { REPORTED_OUTCOME_LABELS, REPORTED_OUTCOMES, TRAJECTORY_STATUS_LABELS, TRAJECTORY_STATUSES } from "~/domain/trajectory-codes";
import { can } from "~/domain/permissions";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { listTrajectories } from "~/models/trajectory-list.server";
import { requireUser } from "~/auth/guard.server";
import { formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Trajecten · Rode Draad" }];

const filterSchema = z.object({
  status: z.enum(TRAJECTORY_STATUSES).optional().catch(undefined),
  region: z.string().regex(/^JZ\d{2}$/).optional().catch(undefined),
  reanalysis: z.literal("yes").optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  outcome: z.enum(REPORTED_OUTCOMES).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "trajectory.readAssigned");
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filters = filterSchema.parse(params);
  return {
    filters,
    trajectories: listTrajectories({ ...filters, reanalysis: filters.reanalysis === "yes" }, user),
    regions: regionAndMunicipalityOptions().regions,
    canCreate: can(user.roles, "trajectory.manage"),
    thisYear: yearInTheNetherlands(),
  };
}

export default function TrajectoriesPage() {
  const { filters, trajectories, regions, canCreate, thisYear } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Bemiddelingstrajecten</Heading>
      {canCreate ? (
        <div className="rd-toolbar">
          <ButtonLink to="/trajecten/nieuw" appearance="primary-action">
            Nieuw traject
          </ButtonLink>
          <ButtonLink to="/trajecten/import">CSV importeren</ButtonLink>
          <TextLink to="/lessen">Geleerde lessen</TextLink>
        </div>
      ) : (
        <Paragraph>
          U ziet de trajecten waaraan u als regioadviseur bent gekoppeld. <TextLink to="/lessen">Geleerde lessen</TextLink> uit alle regio&apos;s.
        </Paragraph>
      )}
      <Form method="get" className="rd-filters" aria-label="Filters">
        <FilterSelect name="status" label="Status" value={filters.status} options={optionsOf(TRAJECTORY_STATUSES, TRAJECTORY_STATUS_LABELS)} />
        <FilterSelect name="region" label="Regio" value={filters.region} options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        <FilterSelect name="reanalysis" label="Herbeoordeling nodig" value={filters.reanalysis} allLabel="Alle" options={[{ value: "yes", label: "Ja" }]} />
        <FilterSelect
          name="year"
          label="Actief in jaar"
          value={filters.year}
          options={Array.from({ length: 8 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }))}
        />
        <FilterSelect name="outcome" label="Uitkomst" value={filters.outcome} options={optionsOf(REPORTED_OUTCOMES, REPORTED_OUTCOME_LABELS)} />
        <FilterButton />
      </Form>
      <DataTable
        caption={`${trajectories.length} ${trajectories.length === 1 ? "traject" : "trajecten"}`}
        rows={trajectories}
        rowKey={(t) => t.id}
        empty={
          <Paragraph>
            Geen trajecten in deze weergave.{" "}
            {canCreate ? (
              <>
                <TextLink to="/trajecten/nieuw">Start een traject</TextLink>, of begin vanuit een signaal.
              </>
            ) : null}
          </Paragraph>
        }
        columns={[
          { header: "Traject", rowHeader: true, cell: (t) => <TextLink to={`/trajecten/${t.id}`}>{t.regionName}</TextLink> },
          { header: "Doel", cell: (t) => t.strategicGoal },
          { header: "Periode", cell: (t) => `${formatShortDate(t.startedOn)} – ${t.closedOn ? formatShortDate(t.closedOn) : "nu"}` },
          {
            header: "Status",
            cell: (t) => (
              <>
                <span className="rd-badge">{TRAJECTORY_STATUS_LABELS[t.status]}</span>
                {t.needsReanalysis ? <span className="rd-badge rd-badge--news"> herbeoordeling nodig</span> : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
