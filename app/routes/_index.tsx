import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { hasAnyRole, type Role } from "~/domain/roles";
import { MILESTONE_LABELS } from "~/domain/trajectory-codes";
import { upcomingMilestones } from "~/models/procurement.server";
import { signalDashboard } from "~/models/signal-inbox.server";
import { currentUser, requireUser } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Start · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await currentUser(request))) return { user: null, dashboard: null };
  const user = await requireUser(request, "any");
  const intermediary = hasAnyRole(user.roles, ["intermediary"]);
  return {
    user: { name: user.name, roles: user.roles },
    dashboard: intermediary ? signalDashboard() : null,
    milestones: intermediary ? upcomingMilestones(30) : null,
  };
}

function SignalTile({ dashboard }: { dashboard: NonNullable<ReturnType<typeof signalDashboard>> }) {
  return (
    <section className="rd-card rd-tile" aria-labelledby="tile-signals">
      <Heading level={2} id="tile-signals">
        Signalen
      </Heading>
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
      {dashboard.waiting.length === 0 ? (
        <Paragraph>Er wacht niets. Mooi zo.</Paragraph>
      ) : (
        <UnorderedList>
          {dashboard.waiting.map((s) => (
            <ListItem key={s.id}>
              {s.receivedOn} · <TextLink to={`/signalen/${s.id}`}>{s.summary || `Signaal ${s.id}`}</TextLink>
            </ListItem>
          ))}
        </UnorderedList>
      )}
      <p>
        <ButtonLink to="/signalen/nieuw" appearance="primary-action">
          Nieuw signaal
        </ButtonLink>
      </p>
    </section>
  );
}

type RoleIntro = { role: Role; title: string; body: string; links: { to: string; label: string }[] };

const ROLE_INTROS: RoleIntro[] = [
  {
    role: "intermediary",
    title: "Als intermediair",
    body: "U legt vragen en signalen vast, classificeert ze, begeleidt regionale bemiddelingstrajecten en schrijft en publiceert het jaarrapport rode draden.",
    links: [
      { to: "/signalen", label: "Alle signalen" },
      { to: "/signalen/import", label: "Signalen importeren (CSV)" },
      { to: "/trajecten", label: "Bemiddelingstrajecten" },
      { to: "/lessen", label: "Geleerde lessen" },
      { to: "/rapportage", label: "Jaarrapportage" },
      { to: "/wachtwoord", label: "Uw wachtwoord wijzigen" },
    ],
  },
  {
    role: "admin",
    title: "Als beheerder",
    body: "U beheert de accounts van medewerkers en de regio-indeling. Inhoud van signalen ziet u alleen als u ook intermediair bent.",
    links: [
      { to: "/beheer/gebruikers", label: "Gebruikers beheren" },
      { to: "/beheer/regios", label: "Regio's en gemeenten" },
    ],
  },
  {
    role: "adviser",
    title: "Als regioadviseur",
    body: "U leest en annoteert de trajecten waaraan u bent gekoppeld. Namen van melders en de tekst van signalen ziet u nooit.",
    links: [{ to: "/trajecten", label: "Mijn trajecten" }],
  },
  {
    role: "reader",
    title: "Als lezer",
    body: "U ziet gepubliceerde jaarrapporten met geaggregeerde cijfers. Kleine aantallen zijn daarin afgeschermd.",
    links: [{ to: "/rapportage", label: "Gepubliceerde jaarrapporten" }],
  },
];

export default function StartPage() {
  const { user, dashboard, milestones } = useLoaderData<typeof loader>();
  if (!user) {
    return (
      <section className="rd-section">
        <Heading level={1}>Rode Draad</Heading>
        <Paragraph lead>
          De vertrouwelijke werkomgeving van de intermediair tussen gemeenten en vrijgevestigde jeugdhulpaanbieders.
        </Paragraph>
        <Paragraph>
          Hier worden vragen en signalen over de inkoop van jeugdhulp vastgelegd, bemiddelingstrajecten per regio
          begeleid en het jaarlijkse rapport &lsquo;rode draden&rsquo; opgesteld. Alles wat u hier ziet is vertrouwelijk.
        </Paragraph>
        <div className="rd-toolbar">
          <ButtonLink to="/melden" appearance="primary-action">
            Een signaal melden (zonder account)
          </ButtonLink>
          <ButtonLink to="/login">Inloggen voor medewerkers</ButtonLink>
        </div>
      </section>
    );
  }
  const intros = ROLE_INTROS.filter((intro) => hasAnyRole(user.roles, [intro.role]));
  return (
    <section className="rd-section">
      <Heading level={1}>Welkom, {user.name}</Heading>
      <Paragraph>Dit kunt u hier doen.</Paragraph>
      <div className="rd-cards">
        {dashboard ? <SignalTile dashboard={dashboard} /> : null}
        {milestones ? (
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
                    {m.dueOn} · <TextLink to={`/regios/${m.regionCode}`}>{m.regionName}</TextLink> · {MILESTONE_LABELS[m.kind]}: {m.title}
                  </ListItem>
                ))}
              </UnorderedList>
            )}
          </section>
        ) : null}
        {intros.map((intro) => (
          <section key={intro.role} className="rd-card" aria-labelledby={`intro-${intro.role}`}>
            <Heading level={2} id={`intro-${intro.role}`}>
              {intro.title}
            </Heading>
            <Paragraph>{intro.body}</Paragraph>
            {intro.links.length > 0 ? (
              <UnorderedList>
                {intro.links.map((link) => (
                  <ListItem key={link.to}>
                    <TextLink to={link.to}>{link.label}</TextLink>
                  </ListItem>
                ))}
              </UnorderedList>
            ) : null}
          </section>
        ))}
      </div>
    </section>
  );
}
