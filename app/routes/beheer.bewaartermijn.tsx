import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph } from "~/components/ui/text";
import { dueForAnonymisation } from "~/models/retention.server";
import { env } from "~/utils/env.server";
import { requireUser } from "~/auth/guard.server";
import { formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Bewaartermijn · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "retention.read");
  return { months: env().RETENTION_MONTHS, due: dueForAnonymisation() };
}

export default function RetentionPage() {
  const { months, due } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Bewaartermijn</Heading>
      <Paragraph>
        Een afgerond signaal wordt {months} maanden na afronding geanonimiseerd (instelling <code>RETENTION_MONTHS</code>):
        naam en contactgegevens van de melder, samenvatting, toelichting, notities en berichten worden verwijderd. De
        classificatie blijft, zodat de jaarcijfers gelijk blijven. Dit gebeurt bij elke start en daarna dagelijks.
      </Paragraph>
      <DataTable
        caption={`Nu aan de beurt: ${due.length} signalen`}
        rows={due}
        rowKey={(s) => s.id}
        empty={<Paragraph>Er is nu niets aan de beurt.</Paragraph>}
        columns={[
          { header: "Signaal", rowHeader: true, cell: (s) => `Signaal ${s.id}` },
          { header: "Binnengekomen", cell: (s) => formatShortDate(s.receivedOn) },
          { header: "Afgerond", cell: (s) => formatShortDate(s.closedAt) },
        ]}
      />
    </section>
  );
}
