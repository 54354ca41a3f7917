import type { Request } from "@playwright/test";
import { expect, test } from "./support";

/**
 * A reporter's browser loads the public pages as plain HTML and CSS: no script, compressed, within a byte budget
 * (the measure: HTML + CSS + JS as transferred). The figures themselves are printed by `npm run bench -- pages`.
 */
const BUDGET = 60 * 1024;

for (const path of ["/melden", "/melden/volgen", "/privacy", "/toegankelijkheid", "/vragen", "/voorbeelden"]) {
  test(`${path} loads no JavaScript and transfers less than 60 kB, compressed`, async ({ page }) => {
    const loads: { url: string; type: string; bytes: number; encoding: string }[] = [];
    // Each load is read asynchronously; the test awaits those it counts, so none is still reading when the page closes
    // (its rejection would otherwise fail whichever test runs next).
    const reading: Promise<void>[] = [];
    const onFinished = (request: Request) => {
      reading.push((async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        loads.push({
          url: request.url(),
          type: request.resourceType(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          encoding: (await response?.allHeaders())?.["content-encoding"] ?? "identity",
        });
      })());
    };
    page.on("requestfinished", onFinished);
    await page.goto(path, { waitUntil: "load" });
    await expect.poll(() => loads.some((load) => new URL(load.url).pathname === path)).toBe(true);
    page.off("requestfinished", onFinished);
    await Promise.all(reading);
    expect(loads.filter((load) => load.type === "script" || load.url.endsWith(".js")).map((load) => load.url)).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);
    const text = loads.filter((load) => load.type === "document" || load.type === "stylesheet");
    for (const load of text) expect([load.url, load.encoding]).toEqual([load.url, expect.stringMatching(/^(br|gzip)$/)]);
    const total = loads.reduce((sum, load) => sum + load.bytes, 0);
    expect(total, loads.map((load) => `${load.url} ${load.bytes}`).join("\n")).toBeLessThan(BUDGET);
  });
}

test("a staff page still gets its scripts and hydrates", async ({ page }) => {
  await page.goto("/login");
  expect(await page.locator("script[type=module]").count()).toBeGreaterThan(0);
});
