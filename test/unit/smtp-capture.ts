import { SMTPServer } from "smtp-server";

export type CapturedMail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on 127.0.0.1 (smtp-server from npm) that keeps every message it accepts, raw: headers and body,
 * as a mailbox would receive them. `stop` and `start` again on the same port stand in for an outage.
 */
export function smtpCapture() {
  const messages: CapturedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
  return {
    messages,
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    async start(): Promise<void> {
      server = make();
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(port, "127.0.0.1", () => resolve());
      });
      const address = server.server.address();
      if (address && typeof address === "object") port = address.port;
    },
    async stop(): Promise<void> {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    to(address: string): CapturedMail[] {
      return messages.filter((m) => m.to.includes(address));
    },
  };
}
