import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "./ui/text";
import { ARTICLE_STATE_LABELS, type ArticleState } from "~/domain/knowledge";

/**
 * "Vergelijkbare vragen" on a signal's page: kennisbank articles on the same topic and phase, to reuse in a reply,
 * and for an answered signal the start of a new article (which takes the classification only, never the text).
 */
export function SimilarQuestionsSection({ signalId, answered, articles }: { signalId: number; answered: boolean; articles: { id: number; state: ArticleState; question: string }[] }) {
  return (
    <section className="rd-section" aria-labelledby="vergelijkbare-vragen">
      <Heading level={2} id="vergelijkbare-vragen">
        Vergelijkbare vragen
      </Heading>
      {articles.length === 0 ? (
        <Paragraph>Nog geen kennisartikelen over dit onderwerp in deze fase.</Paragraph>
      ) : (
        <UnorderedList>
          {articles.map((a) => (
            <ListItem key={a.id}>
              <TextLink to={`/kennisbank/${a.id}`}>{a.question}</TextLink> ({ARTICLE_STATE_LABELS[a.state].toLowerCase()})
            </ListItem>
          ))}
        </UnorderedList>
      )}
      {answered ? (
        <Paragraph>
          <TextLink to={`/kennisbank/nieuw?signaal=${signalId}`}>Maak een kennisartikel</TextLink> van dit beantwoorde signaal (alleen onderwerp en fase worden overgenomen).
        </Paragraph>
      ) : null}
    </section>
  );
}
