import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RatingsTable } from "~/components/contract-review-view";
import { PrintButton } from "~/components/report/print-button";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatScore } from "~/domain/contract-review";
import { formatDate } from "~/domain/dates-nl";
import { reviewFor } from "~/models/contract-review.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, recordOr404, versionAsked } from "~/utils/not-found.server";

export const meta: MetaFunction = () => [{ title: "Samenvatting contracttoets · Rode Draad" }];

/** One page to send to the region: printed on A4 by the app's @page rule, or saved as PDF from the print dialog. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "review.readPublished");
  const id = recordOr404(params.id, "Deze contracttoets");
  return reviewFor(id, user, versionAsked(request)) ?? notFound("Deze contracttoets");
}

export default function ReviewSummary() {
  const { review, shown } = useLoaderData<typeof loader>();
  return (
    <article className="rd-report rd-review-summary">
      <div className="rd-no-print">
        <Paragraph>
          <TextLink to={`/contracttoetsen/${review.id}`}>Terug naar de toets</TextLink>
        </Paragraph>
        <PrintButton />
      </div>
      <Heading level={1}>Toegankelijkheid van het contract voor vrijgevestigden: {review.regionName}</Heading>
      <Paragraph>
        {review.title}
        {review.milestoneTitle ? ` (${review.milestoneTitle})` : ""} · versie {shown.version} van {formatDate(shown.createdAt)}
      </Paragraph>
      <Paragraph>
        <strong>Score: {formatScore({ percent: shown.scorePercent, unknown: shown.unknownCount })}</strong>. Toegankelijk telt 2 punten, deels 1, belemmerend 0; de
        score is het percentage van het maximum over de criteria die bekend zijn.
      </Paragraph>
      <RatingsTable caption="Beoordeling per criterium" ratings={shown.ratings} />
    </article>
  );
}
