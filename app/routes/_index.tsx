import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { hasAnyRole, type Role } from "~/domain/roles";
import { currentUser, requireUser } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Start · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await currentUser(request))) return { user: null };
  const user = await requireUser(request, "any");
  return { user: { name: user.name, roles: user.roles } };
}

type RoleIntro = { role: Role; title: string; body: string; links: { to: string; label: string }[] };

const ROLE_INTROS: RoleIntro[] = [
  {
    role: "intermediary",
    title: "Als intermediair",
    body: "U legt vragen en signalen vast, classificeert ze en begeleidt regionale bemiddelingstrajecten. Het inbakje, de trajecten en het jaarrapport komen hier in de volgende versies.",
    links: [{ to: "/wachtwoord", label: "Uw wachtwoord wijzigen" }],
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
    links: [],
  },
  {
    role: "reader",
    title: "Als lezer",
    body: "U ziet gepubliceerde jaarrapporten met geaggregeerde cijfers. Kleine aantallen zijn daarin afgeschermd.",
    links: [],
  },
];

export default function StartPage() {
  const { user } = useLoaderData<typeof loader>();
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
        <ButtonLink to="/login" appearance="primary-action">
          Inloggen voor medewerkers
        </ButtonLink>
      </section>
    );
  }
  const intros = ROLE_INTROS.filter((intro) => hasAnyRole(user.roles, [intro.role]));
  return (
    <section className="rd-section">
      <Heading level={1}>Welkom, {user.name}</Heading>
      <Paragraph>Dit kunt u hier doen.</Paragraph>
      <div className="rd-cards">
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
