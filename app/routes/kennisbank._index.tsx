import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { ARTICLE_STATE_LABELS } from "~/domain/knowledge";
import { TOPIC_LABELS } from "~/domain/signal-codes";
import { listArticles } from "~/models/knowledge.server";
import { requireUser } from "~/auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Kennisbank · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "knowledge.manage");
  return { articles: listArticles() };
}

export default function KnowledgePage() {
  const { articles } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Kennisbank</Heading>
      <Paragraph>
        Antwoorden op vragen die vaker komen. Gepubliceerde artikelen staan op <TextLink to="/vragen">de openbare pagina Vragen</TextLink>.
      </Paragraph>
      <Paragraph>
        <TextLink to="/kennisbank/nieuw">Nieuw kennisartikel schrijven</TextLink> · <TextLink to="/kennisbank/voorbeelden">Goede voorbeelden</TextLink>
      </Paragraph>
      <DataTable
        caption="Kennisartikelen, laatst gewijzigd eerst"
        rows={articles}
        rowKey={(a) => a.id}
        empty={<Paragraph>Nog geen artikelen.</Paragraph>}
        columns={[
          { header: "Vraag", rowHeader: true, cell: (a) => <TextLink to={`/kennisbank/${a.id}`}>{a.question}</TextLink> },
          { header: "Onderwerp", cell: (a) => TOPIC_LABELS[a.topic] },
          { header: "Status", cell: (a) => ARTICLE_STATE_LABELS[a.state] },
          { header: "Gewijzigd", nowrap: true, cell: (a) => formatShortDate(a.updatedAt) },
        ]}
      />
    </section>
  );
}
