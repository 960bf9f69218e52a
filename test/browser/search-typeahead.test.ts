/**
 * Search as you type on /search in Chromium: typing updates the results and the address without a reload, focus
 * stays in the box, the count is a live region kept in place, a stale answer never overwrites a newer one, back and
 * forward move between pages (typing makes no history entries), the plain GET form works without JavaScript and
 * gives the same address, no console errors or CSP violations, and axe-core finds nothing before or after an update.
 * Without a pause in typing: one request in flight at a time, a fast typist sees results for the words typed so far
 * and then for the final words, an answer the box has moved on from is never left on screen, a filter ticked while
 * words are on their way is not undone by their answer, Enter still navigates when the answers fail, and words shown
 * a moment ago come from the browser's HTTP cache.
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

/**
 * Holds each fragment request for `delayFor(its URL)` ms before letting it through, and counts how many the page has
 * out at once: one is counted out until it is let through (the page cannot have its answer before that).
 */
async function holdFragments(page: Page, delayFor: (url: URL) => number) {
  const seen = { asked: [] as URL[], out: 0, maxOut: 0 };
  await page.route(/fragment=results/, async (route) => {
    const url = new URL(route.request().url());
    seen.asked.push(url);
    seen.maxOut = Math.max(seen.maxOut, ++seen.out);
    await new Promise((r) => setTimeout(r, delayFor(url)));
    seen.out--;
    await route.continue().catch(() => undefined);
  });
  return seen;
}

interface Shown {
  /** The address's query when the results changed (the script sets it with each swap). */
  search: string;
  /** The live count's aria-busy then. */
  busy: string | null;
}

/** Records, in the page, the address and the live count's aria-busy at each change of the results. */
async function recordShown(page: Page): Promise<() => Promise<Shown[]>> {
  await page.evaluate(() => {
    const shown: Shown[] = [];
    (window as unknown as { shown: Shown[] }).shown = shown;
    new MutationObserver(() =>
      shown.push({
        search: location.search,
        busy: document.getElementById("results-heading")?.getAttribute("aria-busy") ?? null,
      }),
    ).observe(document.getElementById("search-results") as HTMLElement, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { shown: Shown[] }).shown.slice());
}

const wordsOf = (search: string) => new URLSearchParams(search).get("q");

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
    // No more requests than keys, each for the words typed so far, the last for the whole word.
    const asked = fragments.map((url) => new URL(url).searchParams.get("q") ?? "");
    expect(asked.length).toBeLessThanOrEqual("acupuncture".length);
    for (const q of asked) expect("acupuncture".startsWith(q), q).toBe(true);
    expect(asked.at(-1)).toBe("acupuncture");

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

  it("a fast typist sees results for the words typed so far, then for the final ones, one request at a time", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    // Every answer takes a quarter of a second: several keys are pressed while each is on its way.
    const seen = await holdFragments(page, () => 250);
    await page.goto(`${baseUrl()}/search`);
    const shown = await recordShown(page);
    await page.locator("#q").click();
    await page.keyboard.type("acupuncture", { delay: 60 });
    const whileTyping = (await shown()).map((s) => wordsOf(s.search) ?? "");
    // Results came while the keys were still being pressed, for words typed so far (never a pause to wait for).
    expect(whileTyping.length).toBeGreaterThan(0);
    for (const q of whileTyping) expect("acupuncture".startsWith(q) && q !== "acupuncture", q).toBe(true);
    await shownFor(page, "acupuncture");
    expect(await text(page, "#results-heading")).toContain("acupuncture");
    expect(seen.maxOut).toBe(1);
    // Fewer requests than keys: the keys pressed while one was out were asked for together.
    const asked = seen.asked.map((url) => url.searchParams.get("q") ?? "");
    expect(asked.length).toBeLessThan("acupuncture".length);
    expect(asked.at(-1)).toBe("acupuncture");
    // The live count is busy while newer words are on their way, and not once the last answer is in.
    const all = await shown();
    expect(all.slice(0, -1).every((s) => s.busy === "true")).toBe(true);
    expect(all.at(-1)).toEqual({ search: new URL(page.url()).search, busy: null });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    expect(errors).toEqual([]);
  });

  it("never leaves on screen an answer for words the box has moved on from", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/search`);
    await typeWords(page, "doula");
    await shownFor(page, "doula");
    const before = await text(page, "#results-heading");
    const seen = await holdFragments(page, (url) => (url.searchParams.get("q") === "doulas" ? 800 : 0));
    await page.keyboard.press("s");
    await expect.poll(() => seen.asked.length).toBe(1);
    // Back to the words on screen while "doulas" is on its way: its answer has nothing newer to follow it.
    await page.keyboard.press("Backspace");
    await page.waitForTimeout(1500); // past its arrival
    expect(new URL(page.url()).searchParams.get("q")).toBe("doula");
    expect(await text(page, "#results-heading")).toBe(before);
    expect(seen.asked.map((url) => url.searchParams.get("q"))).toEqual(["doulas"]);
    expect(await page.locator("#results-heading").getAttribute("aria-busy")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("does not let the answer for the words undo a filter ticked while it was on its way", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/search`);
    // The words' answer, asked before the tick, is slow; the one with the filter is not.
    let name = "";
    const seen = await holdFragments(page, (url) =>
      url.searchParams.get("q") === "doula" && !(name && url.searchParams.has(name)) ? 1000 : 0,
    );
    const shown = await recordShown(page);
    await typeWords(page, "doula");
    await expect.poll(() => seen.asked.some((url) => url.searchParams.get("q") === "doula")).toBe(true);
    const box = page.locator('#filters input[type="checkbox"]:not(:checked)').first();
    const boxId = (await box.getAttribute("id")) ?? "";
    name = (await box.getAttribute("name")) ?? "";
    await box.check();
    await page.waitForFunction(
      (name) =>
        new URLSearchParams(location.search).get("q") === "doula" && new URLSearchParams(location.search).has(name),
      name,
    );
    await page.waitForTimeout(300);
    // Putting the slow answer in would have replaced the sidebar with one where the box is not ticked.
    const doula = (await shown()).filter((s) => wordsOf(s.search) === "doula");
    expect(doula.length).toBeGreaterThan(0);
    for (const s of doula) expect(new URLSearchParams(s.search).has(name), s.search).toBe(true);
    expect(await page.locator(`#${boxId}`).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(boxId);
    expect(seen.maxOut).toBe(1);
    expect(errors).toEqual([]);
  });

  it("falls back to the plain GET on Enter when answers fail, and does not retry a failure in a loop", async () => {
    const page = await context.newPage();
    let asked = 0;
    await page.route(/fragment=results/, (route) => {
      asked++;
      return route.abort();
    });
    await page.goto(`${baseUrl()}/search`);
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await typeWords(page, "doula");
    await page.waitForTimeout(500);
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual("doula".length);
    await Promise.all([page.waitForURL(/q=doula/), page.locator("#q").press("Enter")]);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBeUndefined();
    expect(await text(page, "#results-heading")).toContain("doula");
  });

  it("gives up on an answer that never comes, so newer words still go out and show", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/search`);
    // The answer for "d" hangs (the page keeps one request out, so without a time limit nothing else would follow).
    await page.route(/fragment=results/, (route) =>
      new URL(route.request().url()).searchParams.get("q") === "d" ? undefined : route.continue(),
    );
    await page.locator("#q").click();
    await page.keyboard.type("d");
    await page.waitForTimeout(200);
    await page.keyboard.type("oula", { delay: 40 });
    // The time limit is 5 s (src/client/search.ts); then the box's words are asked for and shown.
    await shownFor(page, "doula");
    expect(await text(page, "#results-heading")).toContain("doula");
    expect(errors).toEqual([]);
  }, 20_000);

  it("answers words shown a moment ago from the browser's HTTP cache, without a trip to the server", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/search`);
    await typeWords(page, "doula");
    await shownFor(page, "doula");
    await page.keyboard.press("s");
    await shownFor(page, "doulas");
    await page.keyboard.press("Backspace");
    await shownFor(page, "doula");
    // A fragment is max-age=60 like the page: the script keeps no cache of its own and relies on this one.
    const sizes = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.name.includes("fragment=results") && new URL(e.name).searchParams.get("q") === "doula")
        .map((e) => e.transferSize),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(sizes.at(-1)).toBe(0);
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
