import { beforeAll, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/boot.server";
import { addAttachment, attachmentsOf } from "./attachment.server";
import { createSignal } from "./signal.server";

const intermediary = { userId: null, clientAddress: "test", roles: ["intermediary"] as const };
const PDF = (bytes: number) => {
  const file = new Uint8Array(bytes).fill(0x20);
  file.set(new TextEncoder().encode("%PDF-1.4\n"));
  return file;
};
let signalId: number;

beforeAll(() => {
  // The operator set the largest file to 1 MB.
  useTempDatabase({ FILE_MAX_MB: "1" });
  prepareDatabase();
  signalId = createSignal(
    { receivedOn: "2025-03-01", channel: "email", requesterType: "provider", referredBy: "direct", regionCode: "JZ14", topic: "other", procurementPhase: "none", triggers: [], procedure: "unknown", funding: "unknown", summary: "Bestanden volgens de instelling" },
    intermediary,
  );
});

it("keeps a file up to the size FILE_MAX_MB sets, and refuses one byte more in the setting's words", () => {
  addAttachment({ kind: "signal", id: signalId }, { name: "precies.pdf", bytes: PDF(1024 * 1024) }, intermediary);
  expect(() => addAttachment({ kind: "signal", id: signalId }, { name: "te-groot.pdf", bytes: PDF(1024 * 1024 + 1) }, intermediary)).toThrow(
    expect.objectContaining({ code: "ATTACHMENT.TOO_LARGE", message: "Het bestand is groter dan 1 MB.", field: "file" }),
  );
  expect(attachmentsOf({ kind: "signal", id: signalId }, intermediary).map((file) => file.name)).toEqual(["precies.pdf"]);
});
