import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { ARTICLE_STATE_LABELS } from "~/domain/knowledge";
import { TOPIC_LABELS } from "~/domain/signal-codes";
import { listArticles } from "~/models/knowledge.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Goede voorbeelden · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "practice.manage");
  return { practices: listArticles("practice") };
}

export default function PracticesPage() {
  const { practices } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/kennisbank">Terug naar de kennisbank</TextLink>
      </Paragraph>
      <Heading level={1}>Goede voorbeelden</Heading>
      <Paragraph>
        Voorbeelden van regionale samenwerking, vaak uit een geleerde les van een traject. Gepubliceerde voorbeelden staan op{" "}
        <TextLink to="/voorbeelden">de openbare pagina Goede voorbeelden</TextLink>.
      </Paragraph>
      <Paragraph>
        <TextLink to="/kennisbank/voorbeelden/nieuw">Nieuw goed voorbeeld schrijven</TextLink> · of kies “Maak een goed voorbeeld” bij een les op{" "}
        <TextLink to="/lessen">Geleerde lessen</TextLink>
      </Paragraph>
      <DataTable
        caption="Goede voorbeelden, laatst gewijzigd eerst"
        rows={practices}
        rowKey={(p) => p.id}
        empty={<Paragraph>Nog geen goede voorbeelden.</Paragraph>}
        columns={[
          { header: "Titel", rowHeader: true, cell: (p) => <TextLink to={`/kennisbank/voorbeelden/${p.id}`}>{p.question}</TextLink> },
          { header: "Onderwerp", cell: (p) => TOPIC_LABELS[p.topic] },
          { header: "Status", cell: (p) => ARTICLE_STATE_LABELS[p.state] },
          { header: "Gewijzigd", nowrap: true, cell: (p) => formatShortDate(p.updatedAt) },
        ]}
      />
    </section>
  );
}
