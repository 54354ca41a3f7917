import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { AppForm, TextAreaField } from "./form";
import { Conversation, type Message } from "./conversation";
import { Alert } from "./ui/alert";
import { Heading, ListItem, Paragraph, UnorderedList } from "./ui/text";
import { formatDateTime } from "~/domain/dates-nl";
import { replySchema } from "~/domain/portal-form";
import { noteSchema } from "~/domain/signal-form";
import { STATUS_LABELS, type SignalStatus } from "~/domain/signal-codes";

type Result = SubmissionResult<string[]> | undefined;

/** The newest id of a list: what a form was shown with, so the server can tell a second send of it from a new text. */
export function newestId(items: readonly { id: number }[]): number {
  return items.reduce((max, item) => Math.max(max, item.id), 0);
}

/** Terms and values side by side (classification, reporter). */
export function Facts({ items }: { items: [string, string | null | undefined][] }) {
  return (
    <dl className="rd-facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The signal's text and who reported it. A portal report's summary is the first line of its message, so it is shown
 * once, as part of the message, not twice.
 */
export function ConfidentialSection({
  summary,
  details,
  reporter,
}: {
  summary: string | null;
  details: string | null;
  reporter: [string, string | null][];
}) {
  const summaryInDetails = Boolean(summary && details?.startsWith(summary.replace(/…$/, "")));
  return (
    <section className="rd-section rd-confidential" aria-labelledby="confidential-heading">
      <Heading level={2} id="confidential-heading">
        Vertrouwelijk
      </Heading>
      {summaryInDetails ? null : <Paragraph>{summary ?? "Geen samenvatting."}</Paragraph>}
      {details ? <p className="utrecht-paragraph rd-pre">{details}</p> : null}
      <Facts items={reporter} />
    </section>
  );
}

/** The conversation with a portal reporter; "news" is only announced when the reporter actually wrote something. */
export function ReporterConversationSection({ messages, hadNews, lastResult }: { messages: Message[]; hadNews: boolean; lastResult: Result }) {
  const newest = newestId(messages);
  const [form, fields] = useForm({
    id: `reply-${newest}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replySchema }),
    shouldValidate: "onSubmit",
  });
  const news = hadNews && messages.some((m) => m.fromReporter);
  return (
    <section className="rd-section rd-confidential" aria-labelledby="conversation-heading">
      <Heading level={2} id="conversation-heading">
        Berichten met de melder
      </Heading>
      {news ? <Alert type="info">Er is nieuws van de melder sinds u dit signaal het laatst opende.</Alert> : null}
      <Paragraph>Gemeld via het meldformulier. De melder leest uw berichten met de ontvangstcode.</Paragraph>
      <Conversation messages={messages} names={{ reporter: "Melder", intermediary: "Intermediair" }} empty="Nog geen berichten." />
      <AppForm form={form} submitLabel="Bericht aan melder versturen">
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="after" value={newest} />
        <TextAreaField field={fields.body} label="Bericht aan de melder" rows={5} />
      </AppForm>
    </section>
  );
}

/**
 * Internal notes. The form is keyed on the newest note, so it starts empty once a note is saved, and keeps what was
 * typed when saving failed.
 */
export function NotesSection({ notes, lastResult }: { notes: { id: number; at: string; author: string | null; body: string }[]; lastResult: Result }) {
  const newest = newestId(notes);
  const [form, fields] = useForm({
    id: `note-${newest}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noteSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="rd-section" aria-labelledby="notes-heading">
      <Heading level={2} id="notes-heading">
        Notities
      </Heading>
      {notes.length === 0 ? <Paragraph>Nog geen notities.</Paragraph> : null}
      <UnorderedList>
        {notes.map((note) => (
          <ListItem key={note.id}>
            <span className="rd-muted">
              {formatDateTime(note.at)} · {note.author ?? "onbekend"}
            </span>
            <p className="utrecht-paragraph rd-pre">{note.body}</p>
          </ListItem>
        ))}
      </UnorderedList>
      <AppForm form={form} submitLabel="Notitie toevoegen">
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="after" value={newest} />
        <TextAreaField field={fields.body} label="Nieuwe notitie (intern)" rows={3} />
      </AppForm>
    </section>
  );
}

type HistoryEvent = { id: number; at: string; user: string | null; kind: string; detail: Record<string, unknown> };

function describeEvent(event: HistoryEvent, staff: { id: number; name: string }[]): string {
  switch (event.kind) {
    case "created":
      return "Signaal vastgelegd";
    case "status":
      return `Status: ${STATUS_LABELS[event.detail.from as SignalStatus] ?? "?"} → ${STATUS_LABELS[event.detail.to as SignalStatus] ?? "?"}`;
    case "classification":
      return `Classificatie gewijzigd (${(event.detail.fields as string[] | undefined)?.length ?? 0} velden)`;
    case "assignment":
      return `Toegewezen aan ${staff.find((s) => s.id === event.detail.to)?.name ?? "niemand"}`;
    case "note":
      return "Notitie toegevoegd";
    default:
      return event.kind;
  }
}

/** What happened to the signal, newest first; the values changed stay in the signal itself. */
export function HistorySection({ events, staff }: { events: HistoryEvent[]; staff: { id: number; name: string }[] }) {
  return (
    <section className="rd-section" aria-labelledby="history-heading">
      <Heading level={2} id="history-heading">
        Geschiedenis
      </Heading>
      <UnorderedList>
        {events.map((event) => (
          <ListItem key={event.id}>
            {formatDateTime(event.at)} · {event.user ?? "systeem"} · {describeEvent(event, staff)}
          </ListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
