import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog, users } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { createFieldCipher, keyId, type FieldCipher } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { fieldCipher, secrets } from "./keys.server";
import { loadSecrets, secretsFilePath } from "~/utils/secrets.server";
import { backupTo, checkDatabaseFile } from "./backup.server";
import { KeyRotationError, rotateDataKey } from "./key-rotation.server";
import { addAttachment, attachToSignal } from "./attachment.server";
import { addContact, addEscalation } from "./procurement.server";
import { addReporterMessage, submitPortalSignal } from "./portal.server";
import { addNote, createSignal } from "./signal.server";
import { stageUpload } from "./staged-upload.server";
import { addStepNote, createTrajectory } from "./trajectory.server";
import { revisePlan } from "./trajectory-plan.server";
import { insertUser } from "./user.server";

const actor = { userId: null, clientAddress: "test" };

/** The contexts each sealed column is bound to, written out independently of the module under test. */
const CONTEXTS: Record<string, string> = {
  "signals.summary_sealed": "signal.summary",
  "signals.details_sealed": "signal.details",
  "signals.reporter_name_sealed": "signal.reporter_name",
  "signals.reporter_organisation_sealed": "signal.reporter_organisation",
  "signals.reporter_email_sealed": "signal.reporter_email",
  "signals.reporter_phone_sealed": "signal.reporter_phone",
  "signal_notes.body_sealed": "signal.note",
  "signal_messages.body_sealed": "signal.message",
  "signal_uploads.content_sealed": "signal_upload.content",
  "trajectory_notes.body_sealed": "trajectory.note",
  "plan_versions.body_sealed": "trajectory.plan",
  "trajectory_contacts.organisations_sealed": "trajectory.contact",
  "trajectory_contacts.summary_sealed": "trajectory.contact",
  "escalations.description_sealed": "trajectory.escalation",
  "attachments.name_sealed": "attachment.name",
  "attachments.content_sealed": "attachment.content",
  "users.totp_secret": "users.totp_secret",
  "settings.value": "settings.data_key_check",
};

type Sealed = { where: string; rowid: number; value: string };

/** Every value in the database that looks sealed, wherever it is. */
function sealedValues(): Sealed[] {
  const client = db().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
  const found: Sealed[] = [];
  for (const table of tables) {
    for (const column of client.prepare("select name from pragma_table_info(?)").pluck().all(table) as string[]) {
      const rows = client.prepare(`select rowid as rowid, "${column}" as value from "${table}" where "${column}" glob 'v1.????????.*'`).all() as { rowid: number; value: string }[];
      for (const row of rows) found.push({ where: `${table}.${column}`, ...row });
    }
  }
  return found;
}

function opened(values: Sealed[], cipher: FieldCipher): Record<string, string> {
  return Object.fromEntries(values.map((v) => [`${v.where}#${v.rowid}`, cipher.decrypt(v.value, CONTEXTS[v.where] ?? "?")]));
}

let oldKey: Buffer;
let trajectoryId: number;
let databaseFile: string;

beforeAll(() => {
  databaseFile = useTempDatabase();
  prepareDatabase();
  oldKey = secrets().dataKey;
  const userId = db().transaction((tx) => insertUser(tx, { email: "ilse@example.org", name: "Ilse", roles: ["intermediary"], passwordHash: "x", mustChangePassword: false }));
  const staff = { userId, clientAddress: "test" };
  db().update(users).set({ totpSecret: fieldCipher().encrypt("JBSWY3DPEHPK3PXP", "users.totp_secret") }).where(eq(users.id, userId)).run();
  const signalId = createSignal(
    {
      receivedOn: "2021-03-04",
      channel: "email",
      requesterType: "provider",
      referredBy: "direct",
      regionCode: "JZ14",
      topic: "contract_change",
      procurementPhase: "running_contract",
      triggers: [],
      procedure: "unknown",
      funding: "unknown",
      summary: "Budgetplafond bereikt",
      details: "Toelichting",
      reporterName: "Petra Praktijk",
      reporterOrganisation: "Praktijk Petra",
      reporterEmail: "petra@example.org",
      reporterPhone: "06 1234 5678",
    },
    staff,
    (tx, id) => attachToSignal(tx, id, { name: "e-mail van Petra.eml", contentType: "message/rfc822", bytes: new TextEncoder().encode("From: petra@example.org\r\n\r\nHallo") }, staff),
  );
  addNote(signalId, "Interne notitie", staff);
  const { code } = submitPortalSignal(
    { requesterType: "provider", regionCode: "JZ14", topic: "gdpr", procurementPhase: "none", message: "Een vraag over de AVG-verwerkersovereenkomst.", contact: "anonymous" },
  );
  addReporterMessage(code, "Aanvulling van de melder");
  trajectoryId = createTrajectory({ regionCode: "JZ14", municipalities: [], associations: [], providersInvolved: 3, strategicGoal: "Samen sterker", startedOn: "2021-11-01", signalId }, staff);
  addStepNote(trajectoryId, "analysis", "Analyse van de regio", staff);
  revisePlan(trajectoryId, { body: "Plan van aanpak", reason: "Eerste versie" }, staff);
  addContact(trajectoryId, { heldOn: "2021-11-10", kind: "municipality", organisations: "Gemeente Tilburg", summary: "Gesprek over de inkoopvisie" }, staff);
  addEscalation(trajectoryId, { happenedOn: "2021-12-01", types: ["council"], description: "Brief aan de raad" }, staff);
  stageUpload("signals", "signals.csv", "received_on\n2021-01-01", staff);
  addAttachment({ kind: "trajectory", id: trajectoryId }, { name: "plan-regio.pdf", bytes: new TextEncoder().encode("%PDF-1.4\nPlan\n%%EOF") }, { ...staff, roles: ["intermediary"] });
});

describe("rotateDataKey", () => {
  it("refuses and rolls back when a column it does not know holds a sealed value; everything stays readable", () => {
    const stray = fieldCipher().encrypt("ergens anders", "elders");
    db().$client.prepare("insert into settings (key, value) values ('stray', ?)").run(stray);
    const before = sealedValues();
    expect(() => rotateDataKey(actor)).toThrow(KeyRotationError);
    expect(sealedValues()).toEqual(before);
    // The new key was stored first, with the old one kept, so the unchanged data still opens with what the file holds.
    const stored = loadSecrets({ databaseFile, mayGenerate: false, environment: {} });
    expect(stored.previousDataKeys.map(keyId)).toContain(keyId(oldKey));
    expect(() => opened(before.filter((v) => v.where !== "settings.value" || v.value !== stray), createFieldCipher(stored.dataKey, stored.previousDataKeys))).not.toThrow();
    db().$client.prepare("delete from settings where key = 'stray'").run();
  });

  it("re-encrypts every sealed value under the new key in one go, keeps the old key as previous, and old backups open", () => {
    const backup = path.join(path.dirname(databaseFile), "voor-rotatie.db");
    backupTo(backup);
    const before = sealedValues();
    expect(new Set(before.map((v) => v.where))).toEqual(new Set(Object.keys(CONTEXTS)));
    const plain = opened(before, createFieldCipher(oldKey));

    const result = rotateDataKey(actor);
    expect(result.values).toBe(before.length);

    const stored = loadSecrets({ databaseFile, mayGenerate: false, environment: {} });
    expect(keyId(stored.dataKey)).toBe(result.toKeyId);
    expect(stored.previousDataKeys.map(keyId)).toContain(keyId(oldKey));
    const after = sealedValues();
    expect(after).toHaveLength(before.length);
    expect(after.every((v) => v.value.startsWith(`v1.${result.toKeyId}.`))).toBe(true);
    // The new key alone opens everything, to the same text.
    expect(opened(after, createFieldCipher(stored.dataKey))).toEqual(plain);
    // A trajectory's file among them: both its sealed values under the new key, opening to the same name.
    const trajectoryFiles = db().$client.prepare("select rowid from attachments where trajectory_id = ?").pluck().all(trajectoryId);
    const fileValues = after.filter((v) => v.where.startsWith("attachments.") && trajectoryFiles.includes(v.rowid));
    expect(fileValues.map((v) => v.value.startsWith(`v1.${result.toKeyId}.`))).toEqual([true, true]);
    expect(Object.values(opened(fileValues, createFieldCipher(stored.dataKey)))).toContain("plan-regio.pdf");

    expect(checkDatabaseFile(backup)).toMatchObject({ ok: true });
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "security.data_key_rotated")).get();
    expect(entry?.detail).toContain(`"values":${before.length}`);
    const file = fs.readFileSync(secretsFilePath(databaseFile), "utf8");
    expect(entry?.detail).not.toContain(stored.dataKey.toString("base64"));
    expect(JSON.parse(file)).toMatchObject({ dataKey: stored.dataKey.toString("base64") });
  });

  it("with DATA_KEY from the environment, needs the new key handed in", () => {
    const environment = { DATA_KEY: loadSecrets({ databaseFile, mayGenerate: false, environment: {} }).dataKey.toString("base64") };
    expect(() => rotateDataKey(actor, { environment })).toThrow(/NEW_DATA_KEY/);
  });
});
