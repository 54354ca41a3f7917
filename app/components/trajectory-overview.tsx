import type { SubmissionResult } from "@conform-to/react";
import { ActionButton } from "./form";
import { DismissReanalysisForm } from "./trajectory-sections";
import { Alert } from "./ui/alert";
import { DataTable } from "./ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "./ui/text";
import { formatDate, formatDateTime, formatShortDate } from "~/domain/dates-nl";
import { STEP_LABELS, STEP_STATE_LABELS, TRAJECTORY_STATUS_LABELS } from "~/domain/trajectory-codes";
import { actionsFor, STEP_ACTION_LABELS } from "~/domain/trajectory-workflow";
import type { TrajectoryDetail } from "~/models/trajectory-detail.server";

type Result = SubmissionResult<string[]> | undefined;

/** The sections of the trajectory page, in page order: the table of contents and the ids it jumps to. */
export function trajectorySections({ isIntermediary, readsTalks, closed }: { isIntermediary: boolean; readsTalks: boolean; closed: boolean }): { id: string; title: string }[] {
  return [
    { id: "aandacht", title: "Wat nu aandacht vraagt" },
    { id: "stappen", title: "De acht stappen" },
    { id: "notities", title: "Notities per stap" },
    { id: "plan", title: "Plan van aanpak" },
    { id: "signalen", title: "Gekoppelde signalen" },
    { id: "betrokkenen", title: "Betrokkenen" },
    ...(readsTalks
      ? [
          { id: "gesprekken", title: "Gesprekken met externen (stap 5)" },
          { id: "escalaties", title: "Escalaties (stap 6)" },
        ]
      : []),
    { id: "stukken", title: "Aanbestedingsstukken van de regio (stap 7)" },
    { id: "bijlagen", title: "Bijlagen" },
    ...(isIntermediary
      ? [
          { id: "lessen", title: "Ervaringen delen (stap 8)" },
          { id: "uitkomsten", title: "Uitkomsten" },
          { id: "afsluiten", title: closed ? "Heropenen" : "Afsluiten" },
        ]
      : []),
    { id: "geschiedenis", title: "Geschiedenis" },
  ];
}

/** A long page of a dozen forms: the contents let keyboard and screen-reader users jump straight to a section. */
export function TrajectoryContents({ sections }: { sections: { id: string; title: string }[] }) {
  return (
    <nav className="rd-contents" aria-label="Op deze pagina">
      <p className="utrecht-paragraph rd-contents__title">Op deze pagina</p>
      <ul className="rd-contents__list">
        {sections.map((s) => (
          <li key={s.id}>
            <a className="utrecht-link" href={`#${s.id}`}>
              {s.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function TrajectoryHeader({ trajectory: t, error }: { trajectory: TrajectoryDetail; error: string | undefined }) {
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/trajecten">Terug naar trajecten</TextLink>
      </Paragraph>
      <Heading level={1}>Traject {t.regionName}</Heading>
      <Paragraph>
        <span className="rd-badge">{TRAJECTORY_STATUS_LABELS[t.status]}</span> · gestart op {formatDate(t.startedOn)}
        {t.closedOn ? ` · gesloten op ${formatDate(t.closedOn)}` : ""} · {t.providersInvolved} aanbieders
      </Paragraph>
      <Paragraph>Doel: {t.strategicGoal}</Paragraph>
      {error ? <Alert type="error">{error}</Alert> : null}
    </section>
  );
}

export function AttentionSection({ trajectory: t, isIntermediary, dismissResult }: { trajectory: TrajectoryDetail; isIntermediary: boolean; dismissResult: Result }) {
  return (
    <section id="aandacht" className="rd-section" aria-labelledby="attention-heading">
      <Heading level={2} id="attention-heading">
        Wat nu aandacht vraagt
      </Heading>
      {t.needsReanalysis ? (
        <>
          <Alert type="warning" title="Herbeoordeling nodig">
            <p className="utrecht-paragraph">
              Er zijn nieuwe of gewijzigde aanbestedingsstukken (<TextLink to={`/regios/${t.regionCode}`}>zie de regio</TextLink>). Leg een nieuwe
              planversie vast, of geef aan waarom dat niet nodig is.
            </p>
          </Alert>
          {isIntermediary ? <DismissReanalysisForm lastResult={dismissResult} /> : null}
        </>
      ) : null}
      {t.attention.length === 0 ? (
        <Paragraph>Niets bijzonders.</Paragraph>
      ) : (
        <UnorderedList>
          {t.attention.map((item) => (
            <ListItem key={item.text}>
              {item.level === "urgent" ? <strong>Dringend: </strong> : null}
              {item.text}
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

export function StepsSection({ trajectory: t, editable }: { trajectory: TrajectoryDetail; editable: boolean }) {
  return (
    <section id="stappen" className="rd-section" aria-labelledby="steps-heading">
      <Heading level={2} id="steps-heading">
        De acht stappen
      </Heading>
      <Paragraph>Niet elke stap is nodig, en de volgorde volgt de inkoopprocedure van de regio.</Paragraph>
      <DataTable
        caption="Stappen en hun stand"
        rows={t.steps}
        rowKey={(s) => s.step}
        empty={null}
        columns={[
          { header: "Stap", rowHeader: true, cell: (s) => STEP_LABELS[s.step] },
          { header: "Stand", cell: (s) => <span className="rd-badge">{STEP_STATE_LABELS[s.state]}</span> },
          { header: "Sinds", nowrap: true, cell: (s) => formatShortDate(s.updatedAt) },
          {
            header: "Acties",
            cell: (s) =>
              editable ? (
                <div className="rd-toolbar">
                  {actionsFor(s.state).map((a) => (
                    <ActionButton key={a} intent="step" label={STEP_ACTION_LABELS[a]} ariaLabel={`${STEP_ACTION_LABELS[a]}: ${STEP_LABELS[s.step]}`}>
                      <input type="hidden" name="step" value={s.step} />
                      <input type="hidden" name="action" value={a} />
                    </ActionButton>
                  ))}
                </div>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </section>
  );
}

function describeEvent(e: { kind: string; step: string | null; detail: Record<string, unknown> }): string {
  const step = e.step ? STEP_LABELS[e.step as keyof typeof STEP_LABELS] : "";
  switch (e.kind) {
    case "created":
      return "Traject gestart";
    case "step":
      return `${step}: ${STEP_STATE_LABELS[e.detail.from as keyof typeof STEP_STATE_LABELS]} → ${STEP_STATE_LABELS[e.detail.to as keyof typeof STEP_STATE_LABELS]}`;
    case "note":
      return `Notitie bij ${step}`;
    case "plan_revised":
      return `Plan van aanpak versie ${String(e.detail.version)}`;
    case "reanalysis_done":
      return "Herbeoordeling afgehandeld met een nieuwe planversie";
    case "signal_linked":
      return `Signaal ${String(e.detail.signal)} gekoppeld`;
    case "signal_unlinked":
      return `Signaal ${String(e.detail.signal)} ontkoppeld`;
    case "outcomes":
      return "Uitkomsten bijgewerkt";
    case "closed":
      return `Gesloten: ${TRAJECTORY_STATUS_LABELS[e.detail.status as keyof typeof TRAJECTORY_STATUS_LABELS] ?? ""}`;
    case "reopened":
      return "Heropend";
    case "reanalysis_needed":
      return "Nieuw of gewijzigd aanbestedingsstuk: herbeoordeling nodig";
    case "reanalysis_dismissed":
      return `Herbeoordeling afgehandeld zonder nieuwe planversie: ${String(e.detail.reason ?? "")}`;
    case "escalation":
      return "Escalatie vastgelegd";
    case "contact":
      return "Gesprek met externen vastgelegd";
    case "lesson":
      return "Les vastgelegd";
    default:
      return e.kind;
  }
}

export function HistorySection({ history }: { history: TrajectoryDetail["history"] }) {
  return (
    <section id="geschiedenis" className="rd-section" aria-labelledby="history-heading">
      <Heading level={2} id="history-heading">
        Geschiedenis
      </Heading>
      <UnorderedList>
        {history.map((e) => (
          <ListItem key={e.id}>
            {formatDateTime(e.at)} · {e.user ?? "systeem"} · {describeEvent(e)}
          </ListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
