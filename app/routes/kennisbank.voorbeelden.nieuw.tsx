import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PracticeForm } from "~/components/practice-form";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { practiceSchema } from "~/domain/practice";
import { createPractice, lessonStart } from "~/models/practice.server";
import { listRegions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuw goed voorbeeld · Rode Draad" }];

/** `?les=N` ("maak een goed voorbeeld" on a lesson) starts with its trajectory's region, topic and phase only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "practice.manage");
  const asked = new URL(request.url).searchParams.get("les");
  const lessonId = asked === null ? undefined : (recordOr404(asked, "Deze les"));
  let start = {};
  if (lessonId !== undefined) {
    try {
      start = { ...lessonStart(lessonId), lessonId };
    } catch (error) {
      if (error instanceof DomainError) notFound("Deze les");
      throw error;
    }
  }
  const regions = listRegions().filter((r) => r.active).map(({ code, name }) => ({ code, name }));
  return { defaults: { checkedOn: todayInTheNetherlands(), ...start }, lessonId: lessonId ?? null, regions };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "practice.manage");
  const { submission } = await readForm(request, practiceSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    const id = createPractice(submission.value, actorOf(user, context));
    return redirectWithFlash(`/kennisbank/voorbeelden/${id}`, "Het goede voorbeeld is opgeslagen als concept (versie 1).");
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function NewPracticePage() {
  const { defaults, lessonId, regions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/kennisbank/voorbeelden">Terug naar de goede voorbeelden</TextLink>
      </Paragraph>
      <Heading level={1}>Nieuw goed voorbeeld</Heading>
      {lessonId !== null ? (
        <Paragraph>
          Gemaakt van les {lessonId}: het voorbeeld neemt alleen de regio, het onderwerp en de fase van het traject over, nooit de tekst van de les of het traject.
          De koppeling blijft intern; de controle voor publicatie zoekt de gegevens van de melders van het traject in de tekst.
        </Paragraph>
      ) : null}
      <PracticeForm id="practice-new" defaults={defaults} regions={regions} lastResult={lastResult} submitLabel="Opslaan als concept" />
    </section>
  );
}
