import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSearch, FilterSelect } from "~/components/filter-fields";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { Button } from "~/components/ui/button";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { formatDate } from "~/domain/dates-nl";
import { publicFilterSchema } from "~/domain/knowledge";
import { TOPIC_LABELS, TOPICS } from "~/domain/signal-codes";
import { publishedArticles } from "~/models/knowledge-public.server";

export const meta: MetaFunction = () => [{ title: "Veelgestelde vragen · Rode Draad" }];

/** Public: no login, a GET form with the filters in the URL; sent without JavaScript. */
export const handle = WITHOUT_SCRIPTS;

export function loader({ request }: LoaderFunctionArgs) {
  const filters = publicFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filters, articles: publishedArticles({ words: filters.q, topic: filters.onderwerp }) };
}

export default function QuestionsPage() {
  const { filters, articles } = useLoaderData<typeof loader>();
  const filtered = filters.q !== "" || filters.onderwerp !== undefined;
  return (
    <section className="rd-section">
      <Heading level={1}>Veelgestelde vragen</Heading>
      <Paragraph>
        Antwoorden van het intermediair vrijgevestigde jeugdhulp op vragen over inkoop en contracten van gemeenten en regio&apos;s. Zie ook de{" "}
        <TextLink to="/voorbeelden">goede voorbeelden</TextLink> van regionale samenwerking.
      </Paragraph>
      <Form method="get" className="utrecht-form rd-form" role="search" aria-label="Vragen zoeken">
        <FilterSearch name="q" label="Zoek op woorden" value={filters.q} />
        <FilterSelect name="onderwerp" label="Onderwerp" value={filters.onderwerp} allLabel="Alle onderwerpen" options={TOPICS.map((value) => ({ value, label: TOPIC_LABELS[value] }))} />
        <div className="utrecht-button-group">
          <Button appearance="primary-action">Zoeken</Button>
        </div>
      </Form>
      <Heading level={2}>{articles.length === 1 ? "1 vraag" : `${articles.length} vragen`}</Heading>
      {articles.length === 0 ? (
        <Paragraph>{filtered ? "Geen vragen gevonden. Probeer andere woorden of een ander onderwerp." : "Er zijn nog geen vragen gepubliceerd."}</Paragraph>
      ) : (
        <UnorderedList>
          {articles.map((a) => (
            <ListItem key={a.id}>
              <TextLink to={`/vragen/${a.id}`}>{a.question}</TextLink> · {TOPIC_LABELS[a.topic]} · laatst gecontroleerd op {formatDate(a.checkedOn)}
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
