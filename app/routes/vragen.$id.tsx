import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReferenceList } from "~/components/knowledge-references";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { NarrativeText } from "~/components/report/narrative-text";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatDate } from "~/domain/dates-nl";
import { PHASE_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { publishedArticle } from "~/models/knowledge-public.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.article.question ?? "Vraag"} · Rode Draad` }];

/** Public: a published article in the version that passed the guard; withdrawn or concept articles are not found. */
export const handle = WITHOUT_SCRIPTS;

export function loader({ params }: LoaderFunctionArgs) {
  const id = recordOr404(params.id, "Deze vraag");
  return { article: publishedArticle(id) ?? notFound("Deze vraag") };
}

export default function QuestionPage() {
  const { article } = useLoaderData<typeof loader>();
  return (
    <article className="rd-section">
      <Paragraph>
        <TextLink to="/vragen">Terug naar alle vragen</TextLink>
      </Paragraph>
      <Heading level={1}>{article.question}</Heading>
      <Paragraph>
        {TOPIC_LABELS[article.topic]} · {PHASE_LABELS[article.procurementPhase]} · laatst gecontroleerd op {formatDate(article.checkedOn)}
      </Paragraph>
      <NarrativeText text={article.answer} />
      <ReferenceList references={article.references} />
    </article>
  );
}
