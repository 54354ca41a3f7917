import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReferenceList } from "~/components/knowledge-references";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { NarrativeText } from "~/components/report/narrative-text";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatDate } from "~/domain/dates-nl";
import { PHASE_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { publishedPractice } from "~/models/practice-public.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.practice.title ?? "Goed voorbeeld"} · Rode Draad` }];

/** Public: a published practice in the version that passed the guard; its region only when shown by choice. */
export const handle = WITHOUT_SCRIPTS;

export function loader({ params }: LoaderFunctionArgs) {
  const id = recordOr404(params.id, "Dit voorbeeld");
  return { practice: publishedPractice(id) ?? notFound("Dit voorbeeld") };
}

export default function PracticePublicPage() {
  const { practice } = useLoaderData<typeof loader>();
  return (
    <article className="rd-section">
      <Paragraph>
        <TextLink to="/voorbeelden">Terug naar alle voorbeelden</TextLink>
      </Paragraph>
      <Heading level={1}>{practice.title}</Heading>
      <Paragraph>
        {TOPIC_LABELS[practice.topic]} · {PHASE_LABELS[practice.procurementPhase]}
        {practice.region ? ` · ${practice.region.name}` : ""} · laatst gecontroleerd op {formatDate(practice.checkedOn)}
      </Paragraph>
      <Heading level={2}>Wat er is gedaan</Heading>
      <NarrativeText text={practice.whatWasDone} />
      <Heading level={2}>Wat het opleverde</Heading>
      <NarrativeText text={practice.outcome} />
      <ReferenceList references={practice.references} />
    </article>
  );
}
