import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ArticleForm } from "~/components/knowledge-article-form";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { articleSchema } from "~/domain/knowledge";
import { createArticle, signalStart } from "~/models/knowledge.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuw kennisartikel · Rode Draad" }];

/** `?signaal=N` ("maak een kennisartikel" on an answered signal) starts with that signal's topic and phase only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "knowledge.manage");
  const asked = new URL(request.url).searchParams.get("signaal");
  const signalId = asked === null ? undefined : (recordOr404(asked, "Dit signaal"));
  let start = {};
  if (signalId !== undefined) {
    try {
      start = { ...signalStart(signalId), signalId };
    } catch (error) {
      if (error instanceof DomainError) notFound("Dit beantwoorde signaal");
      throw error;
    }
  }
  return { defaults: { checkedOn: todayInTheNetherlands(), ...start }, signalId: signalId ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "knowledge.manage");
  const { submission } = await readForm(request, articleSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    const id = createArticle(submission.value, actorOf(user, context));
    return redirectWithFlash(`/kennisbank/${id}`, "Het artikel is opgeslagen als concept (versie 1).");
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function NewArticlePage() {
  const { defaults, signalId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/kennisbank">Terug naar de kennisbank</TextLink>
      </Paragraph>
      <Heading level={1}>Nieuw kennisartikel</Heading>
      {signalId !== null ? (
        <Paragraph>
          Gemaakt van signaal {signalId}: het artikel neemt alleen het onderwerp en de fase over, nooit de tekst van het signaal. De koppeling blijft intern;
          de controle voor publicatie zoekt de gegevens van de melder in de tekst.
        </Paragraph>
      ) : null}
      <ArticleForm id="article-new" defaults={defaults} lastResult={lastResult} submitLabel="Opslaan als concept" />
    </section>
  );
}
