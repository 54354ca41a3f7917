import { Paragraph } from "./ui/text";
import { formatDateTime } from "~/domain/dates-nl";

export type Message = { id: number; at: string; fromReporter: boolean; body: string };

/** The conversation between a portal reporter and the intermediary, as either side reads it. */
export function Conversation({ messages, names, empty }: { messages: Message[]; names: { reporter: string; intermediary: string }; empty: string }) {
  if (messages.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <>
      {messages.map((m) => (
        <div key={m.id} className={`rd-message${m.fromReporter ? " rd-message--reporter" : ""}`}>
          <p className="utrecht-paragraph rd-muted">
            {m.fromReporter ? names.reporter : names.intermediary} · {formatDateTime(m.at)}
          </p>
          <p className="utrecht-paragraph rd-pre">{m.body}</p>
        </div>
      ))}
    </>
  );
}
