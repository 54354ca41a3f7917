import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, login, test } from "./support";

/** Logs `count` signals through the intake form's own request (as the form sends it), all findable by `marker`. */
async function logSignals(page: Page, count: number, marker: string): Promise<void> {
  await page.goto("/signalen/nieuw");
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const origin = new URL(page.url()).origin;
  for (let i = 0; i < count; i += 1) {
    const response = await page.request.post("/signalen/nieuw", {
      headers: { Origin: origin },
      maxRedirects: 0,
      form: {
        csrf,
        receivedOn: `2025-0${1 + (i % 9)}-1${i % 10}`,
        channel: "email",
        requesterType: "provider",
        referredBy: "direct",
        regionCode: "JZ27",
        topic: "quality_admission",
        procurementPhase: "running_tender",
        procedure: "unknown",
        funding: "unknown",
        summary: `${marker} nummer ${i}: de regio vraagt om een extra verklaring omtrent gedrag per medewerker en een kwaliteitskeurmerk dat nog niet bestaat`,
      },
    });
    expect(response.status()).toBe(302);
  }
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.beforeEach(async ({ page }) => {
  await login(page, admin());
});

test.describe("at 390 px wide", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the inbox does not scroll sideways: header, name, Uitloggen and the filters fit; rows are cards", async ({ page }) => {
    const marker = `smal${Date.now()}`;
    await logSignals(page, 3, marker);
    await page.goto(`/signalen?q=${marker}`);
    await expect(page.getByRole("table")).toContainText("3 signalen");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    for (const target of [page.getByText(admin().name, { exact: false }).first(), page.getByRole("button", { name: "Uitloggen" }), page.getByRole("button", { name: "Filteren" })]) {
      const box = await target.boundingBox();
      expect(box, "zichtbaar").not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    await expectAccessible(page);
  });

  test("other pages do not scroll sideways either (the menu wraps)", async ({ page }) => {
    for (const url of ["/", "/signalen/nieuw", "/trajecten", "/trajecten/nieuw", "/rapportage", "/account/sessies", "/account/meldingen", "/beheer/audit", "/beheer/e-mail"]) {
      await page.goto(url);
      expect(await scrollWidth(page), url).toBeLessThanOrEqual(390);
    }
  });
});

test.describe("at 1280 px wide", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("filter labels do not overlap, and 25 rows stay compact with dates on one line", async ({ page }) => {
    const marker = `breed${Date.now()}`;
    await logSignals(page, 26, marker);
    await page.goto(`/signalen?q=${marker}`);
    await expect(page.getByRole("table")).toContainText("26 signalen");

    const labels = page.locator(".rd-filters label");
    const boxes = await labels.evaluateAll((nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { text: n.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom, overflow: n.scrollWidth > n.clientWidth + 1 };
      }),
    );
    for (const [i, a] of boxes.entries()) {
      expect(a.overflow, `${a.text} past in zijn kolom`).toBe(false);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.text} / ${b.text}`).toBe(false);
      }
    }

    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(25);
    const heights = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThanOrEqual(80);
    // The date's own text (not its cell, which is as tall as the row) takes one line.
    const dateLines = await page.locator("tbody tr td:first-child").evaluateAll((cells) =>
      cells.map((c) => {
        const text = document.createRange();
        text.selectNodeContents(c);
        return text.getBoundingClientRect().height <= parseFloat(getComputedStyle(c).lineHeight) * 1.5;
      }),
    );
    expect(dateLines.every(Boolean)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    await expectAccessible(page);
  });
});
