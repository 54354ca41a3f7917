import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { ROLE_LABELS } from "~/domain/roles";
import { listUsers } from "~/models/user.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Gebruikers · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "user.manage");
  return { users: listUsers() };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Gebruikers</Heading>
      <Paragraph>Medewerkers met een account. Een nieuw account krijgt een tijdelijk wachtwoord dat bij de eerste keer inloggen moet worden gewijzigd.</Paragraph>
      <p>
        <ButtonLink to="/beheer/gebruikers/nieuw" appearance="primary-action">
          Nieuwe gebruiker
        </ButtonLink>
      </p>
      <DataTable
        caption="Alle gebruikers"
        rows={users}
        rowKey={(u) => u.id}
        empty={<Paragraph>Er zijn nog geen gebruikers.</Paragraph>}
        columns={[
          { header: "Naam", rowHeader: true, cell: (u) => <TextLink to={`/beheer/gebruikers/${u.id}`}>{u.name}</TextLink> },
          { header: "E-mailadres", cell: (u) => u.email },
          { header: "Rollen", cell: (u) => u.roles.map((r) => ROLE_LABELS[r]).join(", ") },
          {
            header: "Status",
            cell: (u) => (u.disabled ? "Uitgeschakeld" : u.mustChangePassword ? "Actief (tijdelijk wachtwoord)" : "Actief"),
          },
        ]}
      />
    </section>
  );
}
