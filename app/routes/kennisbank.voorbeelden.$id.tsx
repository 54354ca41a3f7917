import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { resultFor } from "~/components/form";
import { PublishSection } from "~/components/knowledge-publish";
import { VersionsSection, WithdrawSection } from "~/components/knowledge-versions";
import { PracticeForm } from "~/components/practice-form";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { ARTICLE_STATE_LABELS, publishSchema, referencesText } from "~/domain/knowledge";
import { practiceSchema } from "~/domain/practice";
import { checkPractice, openPractice, publishPractice, savePractice, withdrawPractice } from "~/models/practice.server";
import { listRegions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, notFoundOn, recordOr404, versionAsked } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Goed voorbeeld · Rode Draad" }];

const THIS_PRACTICE = "Dit goede voorbeeld";
const orNotFound = <T,>(work: () => T) => notFoundOn("KNOWLEDGE.NOT_FOUND", THIS_PRACTICE, work);

/** `?versie=N` opens an earlier version in the editor; saving it makes it the newest version again. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "practice.manage");
  const id = recordOr404(params.id, THIS_PRACTICE);
  const actor = actorOf(user, context);
  const version = versionAsked(request);
  const opened = orNotFound(() => openPractice(id, actor, version)) ?? notFound("Deze versie");
  const regions = listRegions().filter((r) => r.active || r.code === opened.article.regionCode).map(({ code, name }) => ({ code, name }));
  return { ...opened, hits: checkPractice(id, actor), regions };
}

const actionSchema = z.discriminatedUnion("intent", [practiceSchema.extend({ intent: z.literal("save") }), publishSchema, z.object({ intent: z.literal("withdraw") })]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "practice.manage");
  const id = recordOr404(params.id, THIS_PRACTICE);
  const actor = actorOf(user, context);
  const { submission, refuse } = await readIntentForm(request, actionSchema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  const here = `/kennisbank/voorbeelden/${id}`;
  try {
    if (value.intent === "save") return redirectWithFlash(here, `Het goede voorbeeld is opgeslagen als versie ${orNotFound(() => savePractice(id, value, actor))}.`);
    if (value.intent === "publish") return redirectWithFlash(here, `Versie ${orNotFound(() => publishPractice(id, actor, value.despiteHits === "yes"))} staat op de openbare site.`);
    orNotFound(() => withdrawPractice(id, actor));
    return redirectWithFlash(here, "Het goede voorbeeld is ingetrokken en staat niet meer op de openbare site.");
  } catch (error) {
    return refuse(error);
  }
}

export default function PracticePage() {
  const { article, text, latestVersion, versions, lessons, hits, regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const defaults = {
    ...text,
    references: referencesText(text.references),
    topic: article.topic,
    procurementPhase: article.procurementPhase,
    regionCode: article.regionCode ?? "",
    showRegion: article.showRegion ? "yes" : "",
    sensitiveNames: article.sensitiveNames,
  };
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/kennisbank/voorbeelden">Terug naar de goede voorbeelden</TextLink>
        </Paragraph>
        <Heading level={1}>Goed voorbeeld {article.id}</Heading>
        <Paragraph>
          <span className="rd-badge">{ARTICLE_STATE_LABELS[article.state]}</span>
          {lessons.length > 0 ? <> · gemaakt van {lessons.map((l) => `les ${l.id} (traject ${l.trajectoryId})`).join(", ")} (alleen intern zichtbaar)</> : null}
          {article.state === "published" ? (
            <>
              {" "}
              · <TextLink to={`/voorbeelden/${article.id}`}>Bekijk op de openbare site</TextLink>
            </>
          ) : null}
        </Paragraph>
        <Paragraph>
          {text.version === latestVersion ? `U bewerkt versie ${text.version}, de nieuwste.` : `U bekijkt versie ${text.version}. Opslaan maakt hiervan de nieuwste versie (${latestVersion + 1}).`}
        </Paragraph>
        <PracticeForm id={`practice-${article.id}-${text.version}`} defaults={defaults} regions={regions} lastResult={resultFor(answer, "save")} submitLabel="Opslaan als nieuwe versie" />
      </section>
      <PublishSection state={article.state} latestVersion={latestVersion} publishedVersion={article.publishedVersion} hits={hits} lastResult={resultFor(answer, "publish")} />
      {article.state === "published" ? <WithdrawSection noun="voorbeeld" label="Voorbeeld intrekken" /> : null}
      <VersionsSection noun="dit voorbeeld" versions={versions} openVersion={text.version} state={article.state} publishedVersion={article.publishedVersion} />
    </>
  );
}
