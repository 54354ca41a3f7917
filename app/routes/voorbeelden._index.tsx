import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSearch, FilterSelect } from "~/components/filter-fields";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { Button } from "~/components/ui/button";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { formatDate } from "~/domain/dates-nl";
import { practiceFilterSchema } from "~/domain/practice";
import { TOPIC_LABELS, TOPICS } from "~/domain/signal-codes";
import { publishedPractices, shownPracticeRegions } from "~/models/practice-public.server";

export const meta: MetaFunction = () => [{ title: "Goede voorbeelden · Rode Draad" }];

/** Public: no login, a GET form with the filters in the URL; sent without JavaScript. */
export const handle = WITHOUT_SCRIPTS;

export function loader({ request }: LoaderFunctionArgs) {
  const filters = practiceFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filters, regions: shownPracticeRegions(), practices: publishedPractices({ words: filters.q, topic: filters.onderwerp, region: filters.regio }) };
}

export default function PracticesPublicPage() {
  const { filters, regions, practices } = useLoaderData<typeof loader>();
  const filtered = filters.q !== "" || filters.onderwerp !== undefined || filters.regio !== undefined;
  return (
    <section className="rd-section">
      <Heading level={1}>Goede voorbeelden</Heading>
      <Paragraph>
        Voorbeelden van regionale samenwerking tussen gemeenten en vrijgevestigde jeugdhulpaanbieders. Zie ook de <TextLink to="/vragen">veelgestelde vragen</TextLink>.
      </Paragraph>
      <Form method="get" className="utrecht-form rd-form" role="search" aria-label="Voorbeelden zoeken">
        <FilterSearch name="q" label="Zoek op woorden" value={filters.q} />
        <FilterSelect name="onderwerp" label="Onderwerp" value={filters.onderwerp} allLabel="Alle onderwerpen" options={TOPICS.map((value) => ({ value, label: TOPIC_LABELS[value] }))} />
        {regions.length > 0 ? <FilterSelect name="regio" label="Regio" value={filters.regio} allLabel="Alle regio's" options={regions.map((r) => ({ value: r.code, label: r.name }))} /> : null}
        <div className="utrecht-button-group">
          <Button appearance="primary-action">Zoeken</Button>
        </div>
      </Form>
      <Heading level={2}>{practices.length === 1 ? "1 voorbeeld" : `${practices.length} voorbeelden`}</Heading>
      {practices.length === 0 ? (
        <Paragraph>{filtered ? "Geen voorbeelden gevonden. Probeer andere woorden, een ander onderwerp of een andere regio." : "Er zijn nog geen voorbeelden gepubliceerd."}</Paragraph>
      ) : (
        <UnorderedList>
          {practices.map((p) => (
            <ListItem key={p.id}>
              <TextLink to={`/voorbeelden/${p.id}`}>{p.title}</TextLink> · {TOPIC_LABELS[p.topic]}
              {p.region ? ` · ${p.region.name}` : ""} · laatst gecontroleerd op {formatDate(p.checkedOn)}
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
