import { ButtonLink } from "./ui/button";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "./ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { MILESTONE_LABELS, type MilestoneKind } from "~/domain/trajectory-codes";

type SignalLine = { id: number; receivedOn: string; summary: string };

export type Dashboard = {
  year: number;
  total: number;
  newCount: number;
  yearCount: number;
  tenderShare: number;
  waiting: SignalLine[];
  withNews: SignalLine[];
};

function SignalList({ signals }: { signals: SignalLine[] }) {
  return (
    <UnorderedList>
      {signals.map((s) => (
        <ListItem key={s.id}>
          {formatShortDate(s.receivedOn)} · <TextLink to={`/signalen/${s.id}`}>{s.summary || `Signaal ${s.id}`}</TextLink>
        </ListItem>
      ))}
    </UnorderedList>
  );
}

/** This year's figures and what waits; before the first signal there are no figures to show, only what to do. */
export function SignalTile({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section className="rd-card rd-tile" aria-labelledby="tile-signals">
      <Heading level={2} id="tile-signals">
        Signalen
      </Heading>
      {dashboard.total === 0 ? (
        <Paragraph>Nog geen signalen. Leg het eerste vast of importeer die van vorig jaar.</Paragraph>
      ) : (
        <>
          <ul className="rd-figures">
            <li>
              <TextLink to="/signalen?status=new">
                <strong>{dashboard.newCount}</strong> nieuw
              </TextLink>
            </li>
            <li>
              <TextLink to={`/signalen?year=${dashboard.year}`}>
                <strong>{dashboard.yearCount}</strong> in {dashboard.year}
              </TextLink>
            </li>
            <li>
              <TextLink to={`/signalen?year=${dashboard.year}&tender=yes`}>
                <strong>{dashboard.tenderShare}%</strong> aanbestedingsgerelateerd
              </TextLink>
            </li>
          </ul>
          <Heading level={3}>Wacht het langst</Heading>
          {dashboard.waiting.length === 0 ? <Paragraph>Er wacht niets. Mooi zo.</Paragraph> : <SignalList signals={dashboard.waiting} />}
        </>
      )}
      <p>
        <ButtonLink to="/signalen/nieuw" appearance="primary-action">
          Nieuw signaal
        </ButtonLink>
      </p>
    </section>
  );
}

/**
 * What changed for the intermediary since she last looked: messages from reporters, and new tender documents that
 * ask for a new look at a trajectory's analysis or a region's contract review.
 */
export function AttentionTiles({
  withNews,
  reanalysis,
  reviews,
}: {
  withNews: SignalLine[];
  reanalysis: { id: number; regionName: string; strategicGoal: string }[];
  reviews: { id: number; regionName: string; title: string }[];
}) {
  return (
    <>
      {withNews.length > 0 ? (
        <section className="rd-card" aria-labelledby="tile-news">
          <Heading level={2} id="tile-news">
            Nieuwe berichten van melders
          </Heading>
          <SignalList signals={withNews} />
        </section>
      ) : null}
      {reanalysis.length + reviews.length > 0 ? (
        <section className="rd-card" aria-labelledby="tile-reanalysis">
          <Heading level={2} id="tile-reanalysis">
            Herbeoordeling nodig
          </Heading>
          <Paragraph>Nieuwe of gewijzigde aanbestedingsstukken in de regio:</Paragraph>
          <UnorderedList>
            {reanalysis.map((t) => (
              <ListItem key={`t${t.id}`}>
                <TextLink to={`/trajecten/${t.id}`}>
                  {t.regionName}: {t.strategicGoal}
                </TextLink>
              </ListItem>
            ))}
            {reviews.map((r) => (
              <ListItem key={`r${r.id}`}>
                <TextLink to={`/contracttoetsen/${r.id}`}>
                  Contracttoets {r.regionName}: {r.title}
                </TextLink>
              </ListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
    </>
  );
}

export type FirstStep = "invite" | "borders" | "import";

/** A fresh install: the three things to do before the app is of use, each only while it still needs doing. */
export function FirstStepsTile({ steps, borderCount }: { steps: FirstStep[]; borderCount: number }) {
  if (steps.length === 0) return null;
  return (
    <section className="rd-card rd-tile" aria-labelledby="tile-first-steps">
      <Heading level={2} id="tile-first-steps">
        Aan de slag
      </Heading>
      <ol className="utrecht-ordered-list">
        {steps.includes("invite") ? (
          <li className="utrecht-ordered-list__item">
            <TextLink to="/beheer/gebruikers/nieuw">Nodig uw collega&rsquo;s uit</TextLink>: een account per intermediair, regioadviseur of lezer.
          </li>
        ) : null}
        {steps.includes("borders") ? (
          <li className="utrecht-ordered-list__item">
            <TextLink to="/beheer/regios">Controleer de {borderCount} grensgemeenten</TextLink>: hun regio is afgeleid en nog niet bevestigd.
          </li>
        ) : null}
        {steps.includes("import") ? (
          <li className="utrecht-ordered-list__item">
            <TextLink to="/signalen/import">Importeer de signalen van vorig jaar</TextLink> uit uw spreadsheet (CSV).
          </li>
        ) : null}
      </ol>
    </section>
  );
}

export function MilestonesTile({ milestones }: { milestones: { id: number; dueOn: string; regionCode: string; regionName: string; kind: MilestoneKind; title: string }[] }) {
  return (
    <section className="rd-card rd-tile" aria-labelledby="tile-milestones">
      <Heading level={2} id="tile-milestones">
        Inkoopmijlpalen in de komende 30 dagen
      </Heading>
      {milestones.length === 0 ? (
        <Paragraph>Geen mijlpalen. Houd ze per regio bij op de regiopagina.</Paragraph>
      ) : (
        <UnorderedList>
          {milestones.map((m) => (
            <ListItem key={m.id}>
              {formatShortDate(m.dueOn)} · <TextLink to={`/regios/${m.regionCode}`}>{m.regionName}</TextLink> · {MILESTONE_LABELS[m.kind]}: {m.title}
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
