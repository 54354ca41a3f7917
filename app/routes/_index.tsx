import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AttentionTiles, FirstStepsTile, MilestonesTile, SignalTile, type FirstStep } from "~/components/start-tiles";
import { ButtonLink } from "~/components/ui/button";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { hasAnyRole, type Role } from "~/domain/roles";
import { can } from "~/domain/permissions";
import { upcomingMilestones } from "~/models/procurement.server";
import { reviewsToReassess } from "~/models/contract-review.server";
import { borderMunicipalityCount } from "~/models/reference.server";
import { signalDashboard } from "~/models/signal-inbox.server";
import { listTrajectories } from "~/models/trajectory-list.server";
import { countUsers } from "~/models/user.server";
import { currentUser, requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Start · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await currentUser(request))) return { user: null, dashboard: null, reanalysis: [], reviews: [], milestones: null, firstSteps: { steps: [], borderCount: 0 } };
  const user = await requireUser(request, "any");
  const intermediary = can(user.roles, "signal.read");
  const admin = can(user.roles, "user.manage");
  const dashboard = intermediary ? signalDashboard() : null;
  const borderCount = admin ? borderMunicipalityCount() : 0;
  const steps: FirstStep[] = [];
  if (admin && countUsers() <= 1) steps.push("invite");
  if (borderCount > 0) steps.push("borders");
  if (dashboard && dashboard.total === 0) steps.push("import");
  return {
    user: { name: user.name, roles: user.roles },
    dashboard,
    reanalysis: intermediary ? listTrajectories({ status: "active", reanalysis: true }, user) : [],
    reviews: reviewsToReassess(user),
    milestones: intermediary ? upcomingMilestones(30) : null,
    firstSteps: { steps, borderCount },
  };
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
  const { user, dashboard, milestones, reanalysis, reviews, firstSteps } = useLoaderData<typeof loader>();
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
          <ButtonLink to="/melden/volgen">Melding volgen</ButtonLink>
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
        <FirstStepsTile steps={firstSteps.steps} borderCount={firstSteps.borderCount} />
        {dashboard ? <AttentionTiles withNews={dashboard.withNews} reanalysis={reanalysis} reviews={reviews} /> : null}
        {dashboard ? <SignalTile dashboard={dashboard} /> : null}
        {milestones ? <MilestonesTile milestones={milestones} /> : null}
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
