import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { resultFor } from "~/components/form";
import { ArticleForm } from "~/components/knowledge-article-form";
import { PublishSection } from "~/components/knowledge-publish";
import { VersionsSection, WithdrawSection } from "~/components/knowledge-versions";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { ARTICLE_STATE_LABELS, articleSchema, publishSchema, referencesText } from "~/domain/knowledge";
import { checkArticle, openArticle, publishArticle, saveArticle, withdrawArticle } from "~/models/knowledge.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, notFoundOn, recordOr404, versionAsked } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Kennisartikel · Rode Draad" }];

const THIS_ARTICLE = "Dit kennisartikel";
const orNotFound = <T,>(work: () => T) => notFoundOn("KNOWLEDGE.NOT_FOUND", THIS_ARTICLE, work);

/** `?versie=N` opens an earlier version in the editor; saving it makes it the newest version again. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "knowledge.manage");
  const id = recordOr404(params.id, THIS_ARTICLE);
  const actor = actorOf(user, context);
  const version = versionAsked(request);
  const opened = orNotFound(() => openArticle(id, actor, version)) ?? notFound("Deze versie");
  return { ...opened, hits: checkArticle(id, actor) };
}

const actionSchema = z.discriminatedUnion("intent", [articleSchema.extend({ intent: z.literal("save") }), publishSchema, z.object({ intent: z.literal("withdraw") })]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "knowledge.manage");
  const id = recordOr404(params.id, THIS_ARTICLE);
  const actor = actorOf(user, context);
  const { submission, refuse } = await readIntentForm(request, actionSchema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  try {
    if (value.intent === "save") {
      const version = orNotFound(() => saveArticle(id, value, actor));
      return redirectWithFlash(`/kennisbank/${id}`, `Het artikel is opgeslagen als versie ${version}.`);
    }
    if (value.intent === "publish") {
      const version = orNotFound(() => publishArticle(id, actor, value.despiteHits === "yes"));
      return redirectWithFlash(`/kennisbank/${id}`, `Versie ${version} staat op de openbare site.`);
    }
    orNotFound(() => withdrawArticle(id, actor));
    return redirectWithFlash(`/kennisbank/${id}`, "Het artikel is ingetrokken en staat niet meer op de openbare site.");
  } catch (error) {
    return refuse(error);
  }
}

export default function ArticlePage() {
  const { article, text, latestVersion, versions, signalIds, hits } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const defaults = { ...text, references: referencesText(text.references), topic: article.topic, procurementPhase: article.procurementPhase, sensitiveNames: article.sensitiveNames };
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/kennisbank">Terug naar de kennisbank</TextLink>
        </Paragraph>
        <Heading level={1}>Kennisartikel {article.id}</Heading>
        <Paragraph>
          <span className="rd-badge">{ARTICLE_STATE_LABELS[article.state]}</span>
          {signalIds.length > 0 ? <> · gemaakt van {signalIds.map((s) => `signaal ${s}`).join(", ")} (alleen intern zichtbaar)</> : null}
          {article.state === "published" ? (
            <>
              {" "}
              · <TextLink to={`/vragen/${article.id}`}>Bekijk op de openbare site</TextLink>
            </>
          ) : null}
        </Paragraph>
        <Paragraph>
          {text.version === latestVersion ? `U bewerkt versie ${text.version}, de nieuwste.` : `U bekijkt versie ${text.version}. Opslaan maakt hiervan de nieuwste versie (${latestVersion + 1}).`}
        </Paragraph>
        <ArticleForm id={`article-${article.id}-${text.version}`} defaults={defaults} lastResult={resultFor(answer, "save")} submitLabel="Opslaan als nieuwe versie" />
      </section>
      <PublishSection state={article.state} latestVersion={latestVersion} publishedVersion={article.publishedVersion} hits={hits} lastResult={resultFor(answer, "publish")} />
      {article.state === "published" ? <WithdrawSection noun="artikel" label="Artikel intrekken" /> : null}
      <VersionsSection noun="dit artikel" versions={versions} openVersion={text.version} state={article.state} publishedVersion={article.publishedVersion} />
    </>
  );
}
