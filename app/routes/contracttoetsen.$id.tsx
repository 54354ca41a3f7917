import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton } from "~/components/form";
import { ContractReviewForm } from "~/components/contract-review-form";
import { RatingsTable } from "~/components/contract-review-view";
import { Alert } from "~/components/ui/alert";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatScore, ratingsFromForm, REVIEW_STATE_LABELS, reviewHeadSchema } from "~/domain/contract-review";
import { formatDateTime } from "~/domain/dates-nl";
import { can } from "~/domain/permissions";
import { publishReview, reviewFor, saveReview } from "~/models/contract-review.server";
import { milestonesOfRegion } from "~/models/procurement.server";
import { listCriteria } from "~/models/review-criteria.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, notFoundIf, recordOr404, versionAsked } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Contracttoets · Rode Draad" }];

const THIS_REVIEW = "Deze contracttoets";

/** Readers get the published version only; `?versie=N` opens an earlier one for those who read every version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "review.readPublished");
  const version = versionAsked(request);
  const opened = reviewFor(recordOr404(params.id, THIS_REVIEW), user, version) ?? notFound(THIS_REVIEW);
  const canEdit = opened.full && can(user.roles, "review.manage");
  return {
    ...opened,
    canEdit,
    criteria: canEdit ? listCriteria("active") : [],
    milestones: canEdit ? milestonesOfRegion(opened.review.regionCode, user) : [],
  };
}

const actionSchema = z.discriminatedUnion("intent", [reviewHeadSchema.passthrough().extend({ intent: z.literal("save") }), z.object({ intent: z.literal("publish") })]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "review.manage");
  const id = recordOr404(params.id, THIS_REVIEW);
  const actor = actorOf(user, context);
  const { formData, submission } = await readForm(request, actionSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "publish") {
      const version = publishReview(id, actor);
      return redirectWithFlash(`/contracttoetsen/${id}`, `Versie ${version} is gepubliceerd: lezers zien deze versie.`);
    }
    const ratings = ratingsFromForm(Object.fromEntries(formData), listCriteria("active").map((c) => c.code));
    const version = saveReview(id, { title: value.title, milestoneId: value.milestoneId, reason: value.reason, ratings }, actor);
    return redirectWithFlash(`/contracttoetsen/${id}`, `De toets is opgeslagen als versie ${version}.`);
  } catch (error) {
    notFoundIf(error, "REVIEW.NOT_FOUND", THIS_REVIEW);
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function ReviewPage() {
  const { review, shown, latest, versions, full, canEdit, criteria, milestones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const upToDate = review.state === "published" && review.publishedVersion === latest;
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/contracttoetsen">Terug naar het overzicht</TextLink>
        </Paragraph>
        <Heading level={1}>Contracttoets {review.regionName}</Heading>
        <Paragraph>
          {review.title} · <span className="rd-badge">{full ? REVIEW_STATE_LABELS[review.state] : "gepubliceerd"}</span>
          {review.milestoneTitle ? ` · aanbestedingsstuk: ${review.milestoneTitle}` : null}
        </Paragraph>
        {review.needsReassessment ? (
          <Alert type="warning" title="Herbeoordeling nodig">
            <Paragraph>Er is een nieuw of gewijzigd aanbestedingsstuk voor deze regio. Sla een nieuwe versie op als de toets is herbeoordeeld.</Paragraph>
          </Alert>
        ) : null}
        <Paragraph>
          <strong>Score versie {shown.version}: {formatScore({ percent: shown.scorePercent, unknown: shown.unknownCount })}</strong> (toegankelijk 2, deels 1, belemmerend 0
          punten; onbekend telt niet mee). <TextLink to={`/contracttoetsen/${review.id}/samenvatting?versie=${shown.version}`}>Samenvatting om te printen of als pdf te bewaren</TextLink>
        </Paragraph>
        <RatingsTable caption={`Beoordeling per criterium, versie ${shown.version}`} ratings={shown.ratings} />
      </section>
      {canEdit ? (
        <>
          <section className="rd-section" aria-labelledby="bewerken">
            <Heading level={2} id="bewerken">
              Nieuwe versie
            </Heading>
            <Paragraph>{shown.version === latest ? `Het formulier begint bij versie ${latest}, de nieuwste.` : `Het formulier begint bij versie ${shown.version}; opslaan maakt er versie ${latest + 1} van.`}</Paragraph>
            <ContractReviewForm
              id={`review-${review.id}-${shown.version}`}
              regionCode={review.regionCode}
              criteria={criteria}
              milestones={milestones}
              defaults={{ title: review.title, milestoneId: review.milestoneId, ratings: shown.ratings }}
              lastResult={lastResult}
              submitLabel="Opslaan als nieuwe versie"
            />
          </section>
          <section className="rd-section" aria-labelledby="publiceren">
            <Heading level={2} id="publiceren">
              Publiceren
            </Heading>
            <Paragraph>
              {upToDate
                ? `Versie ${latest} is gepubliceerd.`
                : review.publishedVersion !== null
                  ? `Lezers zien versie ${review.publishedVersion}. Publiceer om versie ${latest} te laten zien.`
                  : `Nog niet gepubliceerd: alleen de intermediair en adviseurs van de regio zien deze toets.`}
            </Paragraph>
            {upToDate ? null : <ActionButton intent="publish" label={`Versie ${latest} publiceren`} />}
          </section>
        </>
      ) : null}
      {full ? (
        <section className="rd-section" aria-labelledby="versies">
          <Heading level={2} id="versies">
            Versies
          </Heading>
          <DataTable
            caption="Versies van deze toets, nieuwste eerst"
            rows={versions}
            rowKey={(v) => v.version}
            empty={null}
            columns={[
              { header: "Versie", rowHeader: true, cell: (v) => (v.version === shown.version ? `Versie ${v.version} (geopend)` : <TextLink to={`?versie=${v.version}`}>Versie {v.version} openen</TextLink>) },
              { header: "Opgeslagen", cell: (v) => formatDateTime(v.createdAt) },
              { header: "Door", cell: (v) => v.author ?? "–" },
              { header: "Score", cell: (v) => formatScore({ percent: v.scorePercent, unknown: v.unknownCount }) },
              { header: "Reden", cell: (v) => v.reason || "–" },
              { header: "Openbaar", cell: (v) => (v.version === review.publishedVersion ? "Gepubliceerd" : "–") },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
