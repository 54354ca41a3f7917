import { describe, expect, it } from "vitest";
import type { AuditAction } from "~/models/audit.server";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel } from "./audit-labels";

// The type checker refuses this line when an audit action has no Dutch label (npm run typecheck covers test files).
const everyActionHasALabel: Record<AuditAction, string> = AUDIT_ACTION_LABELS;

describe("audit labels", () => {
  it("shows Dutch, not the code", () => {
    expect(auditActionLabel("trajectory.viewed")).toBe("Traject geopend");
    for (const [code, label] of Object.entries(everyActionHasALabel)) {
      expect(label, code).not.toContain(".");
      expect(label, code).not.toMatch(/_/);
    }
  });

  it("names the record in Dutch and falls back to the code for what it does not know", () => {
    expect(auditEntityLabel("signal", "12")).toBe("Signaal 12");
    expect(auditEntityLabel("user", null)).toBe("Account");
    expect(auditEntityLabel(null, null)).toBe("—");
    expect(auditActionLabel("future.action")).toBe("future.action");
  });
});
