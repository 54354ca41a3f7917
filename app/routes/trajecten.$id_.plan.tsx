import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-fields";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { compareVersions } from "~/domain/plan-versions";
import { recordNumber } from "~/domain/url-params";
import { audit } from "~/models/audit.server";
import { canSee, trajectoryExists } from "~/models/trajectory.server";
import { planHistory } from "~/models/trajectory-plan.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";
import { formatDateTime, formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Plan van aanpak · Rode Draad" }];

/** Every version of the plan, readable and comparable; advisers of the trajectory may read it too. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "trajectory.readAssigned");
  const id = recordOr404(params.id, "Dit traject");
  // Rights first, so an adviser cannot probe which trajectories exist.
  if (!canSee(id, user)) forbidden();
  if (!trajectoryExists(id)) notFound("Dit traject");
  const versions = planHistory(id);
  if (versions.length === 0) notFound("Een plan van aanpak");
  const url = new URL(request.url);
  const newest = versions[0]?.version ?? 1;
  /** A version asked for in the URL must exist; without one, the newest and the one before it. */
  const chosen = (name: string, fallback: number) => {
    // The comparison form sends "" for its "Kies" choice: that is no choice, not a bad one.
    const asked = url.searchParams.get(name) || null;
    const version = asked === null ? fallback : recordNumber(asked);
    return versions.find((v) => v.version === version) ?? notFound("Deze versie van het plan");
  };
  const newer = chosen("b", newest);
  const older = chosen("a", Math.max(1, newer.version - 1));
  const a = older.version;
  const b = newer.version;
  audit(actorOf(user, context), "trajectory.viewed", { type: "trajectory", id }, { plan: true });
  return {
    id,
    versions,
    a,
    b,
    comparison: a !== b ? compareVersions(older.body, newer.body) : null,
  };
}

const KIND_LABELS = { same: "Ongewijzigd", added: "Toegevoegd", removed: "Verwijderd" } as const;

export default function PlanPage() {
  const { id, versions, a, b, comparison } = useLoaderData<typeof loader>();
  const current = versions[0];
  const options = versions.map((v) => ({ value: String(v.version), label: `Versie ${v.version} (${formatShortDate(v.at)})` }));
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to={`/trajecten/${id}`}>Terug naar het traject</TextLink>
        </Paragraph>
        <Heading level={1}>Plan van aanpak</Heading>
        {current ? (
          <>
            <Paragraph>
              Huidige versie {current.version}, {formatDateTime(current.at)} door {current.author ?? "onbekend"}: {current.reason}
            </Paragraph>
            <div className="rd-card rd-pre">{current.body}</div>
          </>
        ) : null}
      </section>
      <section className="rd-section" aria-labelledby="compare-heading">
        <Heading level={2} id="compare-heading">
          Versies vergelijken
        </Heading>
        <Form method="get" className="rd-filters">
          <FilterSelect name="a" label="Oudere versie" value={String(a)} options={options} allLabel="Kies" />
          <FilterSelect name="b" label="Nieuwere versie" value={String(b)} options={options} allLabel="Kies" />
          <div className="utrecht-button-group">
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              Vergelijken
            </button>
          </div>
        </Form>
        {comparison?.kind === "too-large" ? (
          <Paragraph>
            {comparison.reason === "lines"
              ? `Versie ${a} en versie ${b} zijn te groot om te vergelijken (meer dan ${comparison.limit.toLocaleString("nl-NL")} regels).`
              : `Versie ${a} en versie ${b} verschillen te veel om regel voor regel te vergelijken (meer dan ${comparison.limit.toLocaleString("nl-NL")} regels anders).`}{" "}
            Lees ze hieronder bij &lsquo;Alle versies&rsquo;.
          </Paragraph>
        ) : comparison ? (
          <ol className="rd-diff" aria-label={`Verschil tussen versie ${a} en versie ${b}`}>
            {comparison.parts.map((part, index) => (
              <li key={index} className={`rd-diff__${part.kind}`}>
                <span className="rd-visually-hidden">{KIND_LABELS[part.kind]}: </span>
                {part.kind === "added" ? "+ " : part.kind === "removed" ? "− " : "  "}
                {part.text}
              </li>
            ))}
          </ol>
        ) : (
          <Paragraph>Kies twee verschillende versies.</Paragraph>
        )}
      </section>
      <section className="rd-section" aria-labelledby="versions-heading">
        <Heading level={2} id="versions-heading">
          Alle versies
        </Heading>
        {versions.map((v) => (
          <details key={v.id} className="rd-details">
            <summary>
              Versie {v.version} · {formatDateTime(v.at)} · {v.author ?? "onbekend"} · {v.reason}
            </summary>
            <div className="rd-pre">{v.body}</div>
          </details>
        ))}
      </section>
    </>
  );
}
