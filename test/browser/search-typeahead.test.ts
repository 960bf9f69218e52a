/**
 * Search as you type on /search in Chromium: typing updates the results and the address without a reload, focus
 * stays in the box, the count is a live region kept in place, a stale answer never overwrites a newer one, back and
 * forward move between pages (typing makes no history entries), the plain GET form works without JavaScript and
 * gives the same address, no console errors or CSP violations, and axe-core finds nothing before or after an update.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, screenshotDir, watchErrors } from "./browser";

let context: BrowserContext;
let noScript: BrowserContext;
beforeAll(async () => {
  context = await launch({ width: 1200 });
  noScript = await launch({ width: 1200, javaScriptEnabled: false });
});
afterAll(async () => {
  await context?.close();
  await noScript?.close();
});

const axeSource = readFileSync(join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");

async function axe(page: Page): Promise<string[]> {
  // An evaluation from the test is not a script of the page, so axe runs under the site's CSP unweakened.
  await page.evaluate(`${axeSource};0`);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Resolves once the address says the results on screen answer `q` (the script sets it after the swap). */
function shownFor(page: Page, q: string): Promise<unknown> {
  return page.waitForFunction((q) => new URLSearchParams(location.search).get("q") === q, q);
}

/** Replaces the box's words by typing, a key at a time like a person. */
async function typeWords(page: Page, words: string): Promise<void> {
  await page.locator("#q").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(words, { delay: 40 });
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? "";

describe("search as you type", () => {
  it("updates results and the address as you type, without a reload, with focus left in the box", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const fragments: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("fragment=results")) fragments.push(request.url());
    });
    await page.goto(`${baseUrl()}/search`);
    await page.waitForLoadState("networkidle");
    expect(fragments).toEqual([]); // opening the page asks for nothing more
    const before = await text(page, "#results-heading");
    // Marks that survive only if the page is not reloaded and the live count is the same element.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
      (document.getElementById("results-heading") as unknown as { marked: boolean }).marked = true;
    });

    await typeWords(page, "acupuncture");
    await shownFor(page, "acupuncture");
    expect(await text(page, "#results-heading")).toContain("acupuncture");
    expect(await text(page, "#results-heading")).not.toBe(before);
    expect(await page.locator("#search-results mark").count()).toBeGreaterThan(0);
    expect(await page.title()).toContain("Search: acupuncture");
    const kept = await page.evaluate(() => ({
      stayed: (window as unknown as { stayed?: boolean }).stayed === true,
      marked: (document.getElementById("results-heading") as unknown as { marked?: boolean }).marked === true,
      live: document.getElementById("results-heading")?.getAttribute("aria-live"),
      focused: document.activeElement?.id,
      caret: (document.getElementById("q") as HTMLInputElement).selectionStart,
    }));
    expect(kept).toEqual({ stayed: true, marked: true, live: "polite", focused: "q", caret: "acupuncture".length });
    // Debounced: one request for the word, not one per key.
    expect(fragments.length).toBeLessThanOrEqual(2);

    // What the script put on screen is what the server renders for that address.
    const address = page.url();
    const fresh = await context.newPage();
    await fresh.goto(address);
    for (const selector of ["#search-results", "#filters", "#sort"]) {
      expect(await text(page, selector), selector).toBe(await text(fresh, selector));
    }
    await fresh.close();

    // A filter: its counts follow the words, a tick updates the results, and focus stays on the box ticked.
    const box = page.locator('#filters input[type="checkbox"]').first();
    const boxId = await box.getAttribute("id");
    const name = (await box.getAttribute("name")) ?? "";
    await box.check();
    await page.waitForFunction((name) => new URLSearchParams(location.search).has(name), name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(boxId);
    expect(await page.locator(`#${boxId}`).isChecked()).toBe(true);
    expect(await page.locator(".chips a.chip").count()).toBe(2); // the words and the filter
    expect(errors).toEqual([]);
  });

  it("drops a slow, stale answer when a newer one has been asked for", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.route(/fragment=results/, async (route) => {
      if (new URL(route.request().url()).searchParams.get("q") === "doula") {
        await new Promise((r) => setTimeout(r, 1500));
      }
      await route.continue().catch(() => undefined); // the page may have given up on it
    });
    await page.goto(`${baseUrl()}/search`);
    const slow = page.waitForRequest((r) => r.url().includes("q=doula"));
    await typeWords(page, "doula");
    await slow;
    await typeWords(page, "acupuncture");
    await shownFor(page, "acupuncture");
    await page.waitForTimeout(2000); // past the slow answer's arrival
    expect(new URL(page.url()).searchParams.get("q")).toBe("acupuncture");
    expect(await text(page, "#results-heading")).toContain("acupuncture");
    expect(errors).toEqual([]);
  });

  it("keeps back and forward sane: typing adds no history entries", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/search`);
    await typeWords(page, "doula");
    await shownFor(page, "doula");
    const searched = page.url();
    await page.locator("#search-results .cards a[href^='/case-studies/']").first().click();
    await page.waitForURL(/\/case-studies\//);
    await page.goBack();
    expect(page.url()).toBe(searched);
    expect(await page.locator("#q").inputValue()).toBe("doula");
    expect(await text(page, "#results-heading")).toContain("doula");
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.goForward();
    expect(page.url()).toBe(searched);
    expect(await text(page, "#results-heading")).toContain("doula");
    expect(errors).toEqual([]);
  });

  it("without JavaScript the form still submits, to the address the script keeps", async () => {
    const plain = await noScript.newPage();
    await plain.goto(`${baseUrl()}/search`);
    await plain.locator("#q").fill("doula");
    await Promise.all([plain.waitForURL(/q=doula/), plain.locator("#q").press("Enter")]);
    expect(await text(plain, "#results-heading")).toContain("doula");

    const page = await context.newPage();
    await page.goto(`${baseUrl()}/search`);
    await typeWords(page, "doula");
    await shownFor(page, "doula");
    expect(new URL(page.url()).search).toBe(new URL(plain.url()).search);
    await plain.close();
  });

  it("has no accessibility violations, before and after the results update", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/search`);
    expect(await axe(page)).toEqual([]);
    await typeWords(page, "back pain");
    await shownFor(page, "back pain");
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "search-typeahead.png"), fullPage: false });
    expect(errors).toEqual([]);
  });
});
