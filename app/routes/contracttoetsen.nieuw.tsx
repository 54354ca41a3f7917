import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ContractReviewForm } from "~/components/contract-review-form";
import { FilterSelect } from "~/components/filter-fields";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { ratingsFromForm, reviewHeadSchema } from "~/domain/contract-review";
import { createReview } from "~/models/contract-review.server";
import { milestonesOfRegion } from "~/models/procurement.server";
import { regionNames } from "~/models/reference.server";
import { listCriteria } from "~/models/review-criteria.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuwe contracttoets · Rode Draad" }];

/** First the region (`?regio=JZ38`, a GET form that works without JavaScript), then the form with its documents. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "review.manage");
  const names = regionNames();
  const asked = new URL(request.url).searchParams.get("regio") || null;
  if (asked !== null && !(asked in names)) notFound("Deze regio");
  return {
    regions: Object.entries(names).map(([value, label]) => ({ value, label })),
    region: asked === null ? null : { code: asked, name: names[asked]! },
    criteria: listCriteria("active"),
    milestones: asked === null ? [] : milestonesOfRegion(asked, user),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "review.manage");
  const { formData, submission } = await readForm(request, reviewHeadSchema.passthrough());
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    const { regionCode, title, milestoneId, reason } = submission.value;
    const ratings = ratingsFromForm(Object.fromEntries(formData), listCriteria("active").map((c) => c.code));
    const id = createReview({ regionCode, title, milestoneId, reason, ratings }, actorOf(user, context));
    return redirectWithFlash(`/contracttoetsen/${id}`, "De toets is opgeslagen als concept (versie 1).");
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function NewReviewPage() {
  const { regions, region, criteria, milestones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/contracttoetsen">Terug naar het overzicht</TextLink>
      </Paragraph>
      <Heading level={1}>Nieuwe contracttoets{region ? `: ${region.name}` : ""}</Heading>
      <Form method="get" className="rd-filters" aria-label="Regio kiezen">
        <FilterSelect name="regio" label="Regio" value={region?.code} options={regions} allLabel="Kies…" />
        <div className="utrecht-button-group">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {region ? "Andere regio" : "Verder"}
          </button>
        </div>
      </Form>
      {region ? (
        <ContractReviewForm id={`review-new-${region.code}`} regionCode={region.code} criteria={criteria} milestones={milestones} defaults={{ ratings: [] }} lastResult={lastResult} submitLabel="Opslaan als concept" />
      ) : (
        <Paragraph>Kies eerst de regio: het formulier biedt dan haar aanbestedingsstukken aan.</Paragraph>
      )}
    </section>
  );
}
