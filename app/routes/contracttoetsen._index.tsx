import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReviewScoreMap } from "~/components/contract-review-map";
import { DataTable } from "~/components/ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { formatScore, OVERVIEW_SORTS, RATING_LABELS, REVIEW_STATE_LABELS, sortOverview } from "~/domain/contract-review";
import { formatShortDate } from "~/domain/dates-nl";
import { can } from "~/domain/permissions";
import { latestReviews } from "~/models/contract-review.server";
import { regionMapGeometry } from "~/models/region-map.server";
import { listCriteria } from "~/models/review-criteria.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Contracttoetsen · Rode Draad" }];

/** The latest review per region the viewer may read, sorted on the server by `?sorteer=` (works without JavaScript). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "review.readPublished");
  const criteria = listCriteria("active").map(({ code, question }) => ({ code, question }));
  const asked = new URL(request.url).searchParams.get("sorteer") ?? "";
  // A key that names nothing is dropped, as every list's filters are (domain/url-params.ts).
  const sort = OVERVIEW_SORTS.some((s) => s.key === asked) || criteria.some((c) => c.code === asked) ? asked : "regio";
  const rows = sortOverview(latestReviews(user), sort);
  return { rows, criteria, sort, canWrite: can(user.roles, "review.manage"), geometry: regionMapGeometry() };
}

export default function ReviewsOverview() {
  const { rows, criteria, sort, canWrite, geometry } = useLoaderData<typeof loader>();
  const sorts = [...OVERVIEW_SORTS.map((s) => ({ key: s.key, label: s.label })), ...criteria.map((c) => ({ key: c.code, label: `${c.code} (belemmerend eerst)` }))];
  return (
    <>
      <section className="rd-section">
        <Heading level={1}>Contracttoetsen</Heading>
        <Paragraph>
          De laatste toets per regio: hoe toegankelijk het contract is voor vrijgevestigde aanbieders, per criterium. Score: toegankelijk 2, deels 1, belemmerend 0
          punten, als percentage van het maximum over de bekende criteria; onbekend telt niet mee en staat ernaast.
        </Paragraph>
        {canWrite ? (
          <Paragraph>
            <TextLink to="/contracttoetsen/nieuw">Nieuwe contracttoets</TextLink>
          </Paragraph>
        ) : null}
        <nav aria-label="Sorteren" className="rd-sort-links">
          Sorteren op:{" "}
          {sorts.map((s, i) => (
            <span key={s.key}>
              {i > 0 ? " · " : null}
              <Link className="utrecht-link" to={`?sorteer=${encodeURIComponent(s.key)}`} aria-current={s.key === sort ? "true" : undefined}>
                {s.label}
              </Link>
            </span>
          ))}
        </nav>
        <DataTable
          caption={`Laatste toets per regio (${rows.length}), gesorteerd op ${sorts.find((s) => s.key === sort)?.label ?? sort}`}
          rows={rows}
          rowKey={(r) => r.regionCode}
          empty={<Paragraph>Nog geen contracttoetsen{canWrite ? "" : " die u mag zien"}.</Paragraph>}
          columns={[
            { header: "Regio", rowHeader: true, cell: (r) => <TextLink to={`/contracttoetsen/${r.id}`}>{r.regionName}</TextLink> },
            { header: "Score", nowrap: true, cell: (r) => formatScore(r.score) },
            { header: "Versie", nowrap: true, cell: (r) => `${r.version}, ${formatShortDate(r.createdAt)}` },
            { header: "Stand", cell: (r) => `${REVIEW_STATE_LABELS[r.state]}${r.needsReassessment ? ", herbeoordeling nodig" : ""}` },
            ...criteria.map((c) => ({ header: c.code, nowrap: true, cell: (r: (typeof rows)[number]) => RATING_LABELS[r.ratings.find((x) => x.code === c.code)?.rating ?? "unknown"] })),
          ]}
        />
        <Heading level={2}>De criteria</Heading>
        <UnorderedList>
          {criteria.map((c) => (
            <ListItem key={c.code}>
              <strong>{c.code}</strong>: {c.question}
            </ListItem>
          ))}
        </UnorderedList>
      </section>
      <section className="rd-section" aria-labelledby="kaart">
        <Heading level={2} id="kaart">
          Kaart
        </Heading>
        <ReviewScoreMap geometry={geometry} scores={Object.fromEntries(rows.map((r) => [r.regionCode, r.score]))} />
      </section>
    </>
  );
}
