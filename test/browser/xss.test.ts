/**
 * XSS in a real browser. Hostile content (test/browser/xss-fixtures.ts) goes through the real content loader and seed
 * statements into a D1 of its own, served by a `wrangler dev` of its own (the other browser tests' server and data are
 * never touched). Headless Chromium then opens every page and embed that shows that content, and the search, brief,
 * calculator, submission, oEmbed and error views with hostile addresses. A page fails when any payload ran (a dialog,
 * the console marker, a request to the marker path), when the CSP reported a violation, on a page error, or when its
 * DOM holds markup that could run script later; and each page must show the payloads as text, so a pass is never a
 * page that left the content out.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadContent, parseCaseStudyFile, seedStatements } from "../../scripts/lib/content";
import { loadFiguresAndScenarios } from "../../scripts/lib/figures-content";
import { type DevServer, executeFile, migrate, projectRoot, startWranglerDev } from "../../scripts/lib/wrangler-dev";
import { inlineStatement } from "../../src/db/statements";
import { figureSeedStatements } from "../../src/records/reference-figures";
import { launch } from "./browser";
import { auditPage, recordCspViolations, watchForScript } from "./xss-audit";
import {
  BRIEF,
  CASE_ONE,
  CASE_TWO,
  caseStudyOne,
  FIGURE,
  type HostileContent,
  htmlPayloads,
  js,
  rejectedUrls,
  visible,
  writeHostileContent,
} from "./xss-fixtures";

/** The seed SQL for one content folder, through the same loader and statements as `npm run content:build`. */
function seedSql(contentDir: string, at: string): string[] {
  const content = loadContent(contentDir);
  const evidence = loadFiguresAndScenarios(contentDir, content.records);
  const errors = [...content.errors, ...evidence.errors];
  if (errors.length)
    throw new Error(
      `hostile content is invalid:\n${errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n")}`,
    );
  return [...seedStatements(content.records, at, content.briefs), ...figureSeedStatements(evidence.figures, at)].map(
    inlineStatement,
  );
}

let hostile: HostileContent | undefined;
let stateDir: string | undefined;
let server: DevServer | undefined;
let context: BrowserContext;
const started = Date.now();

beforeAll(async () => {
  hostile = writeHostileContent(join(projectRoot, "content"));
  stateDir = mkdtempSync(join(tmpdir(), "xss-d1-"));
  // The first version of the record, then the content as it is: its history page has a change to compare.
  const sql = [
    ...seedSql(hostile.firstVersionDir, "2026-01-01T00:00:00.000Z"),
    ...seedSql(hostile.dir, "2026-02-01T00:00:00.000Z"),
  ];
  const seedFile = join(stateDir, "hostile-seed.sql");
  writeFileSync(seedFile, `${sql.join("\n")}\n`);
  migrate(stateDir);
  executeFile(stateDir, seedFile);
  server = await startWranglerDev(stateDir);
  context = await launch();
  await recordCspViolations(context);
}, 300_000);

// Each test opens several pages and waits for each to settle: on a loaded two-core machine that takes its time. The
// limit only stops a hung test; nothing here asserts on time.
vi.setConfig({ testTimeout: 180_000 });

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  hostile?.remove();
  console.log(`xss suite: ${Math.round((Date.now() - started) / 1000)} s including its own server`);
}, 60_000);

const url = (path: string) => `${server?.url}${path}`;

interface Visit {
  page: Page;
  status: number;
  text: string;
  title: string;
  jsonLd: string[];
}

/**
 * Opens a page, lets it settle, and fails on anything that shows script ran or could run; `act` may interact first
 * (type, click) while the watchers listen.
 */
async function visit(path: string, act?: (page: Page) => Promise<void>): Promise<Visit> {
  const page = await context.newPage();
  const problems = watchForScript(page, url("/"));
  const response = await page.goto(url(path), { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  if (act) {
    await act(page);
    await page.waitForLoadState("networkidle");
  }
  // Focus and hover every element once: an injected onfocus/onmouseover handler would fire now.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      el.dispatchEvent(new FocusEvent("focus"));
    }
  });
  const audit = await auditPage(page);
  expect([...problems, ...audit.problems, ...audit.violations], `on ${path}`).toEqual([]);
  return { page, status: response?.status() ?? 0, text: audit.text, title: audit.title, jsonLd: audit.jsonLd };
}

async function close(v: Visit) {
  await v.page.close();
}

const q = encodeURIComponent;

describe("hostile content is validated", () => {
  it("the source schema rejects script and data URLs (so those fields are covered by validation)", () => {
    const { body, ...record } = caseStudyOne(2);
    for (const bad of rejectedUrls) {
      const withUrl = { ...record, sources: [{ ...record.sources[0], url: bad }, record.sources[1]] };
      const result = parseCaseStudyFile(`---\n${JSON.stringify(withUrl)}\n---\n${body}`, `${CASE_ONE}.md`);
      expect("errors" in result ? result.errors.map((e) => e.path) : [], bad).toContain("sources[0].url");
    }
  });
});

describe("no script runs on pages that show hostile content", () => {
  it("the record page shows every payload as text, with JSON-LD that is still one JSON block", async () => {
    const v = await visit(`/case-studies/${CASE_ONE}`);
    expect(v.status).toBe(200);
    for (const text of [
      visible.title,
      visible.summary,
      visible.organisation,
      visible.label,
      visible.quote,
      visible.sourceTitle,
      visible.author,
      visible.bodyScript,
      visible.bodyLinkText,
    ]) {
      expect(v.text).toContain(text);
    }
    expect(v.title).toContain(visible.title);
    expect(v.jsonLd).toHaveLength(1);
    expect(JSON.stringify(JSON.parse(v.jsonLd[0] ?? ""))).toContain(visible.title.replace(/'/g, "'"));
    // The Markdown's script links became plain text: none of them is a link.
    expect(await v.page.locator("a", { hasText: "mixed case" }).count()).toBe(0);
    await close(v);
  });

  it("the second record (a JSON-LD breaker in its title) and its embed card", async () => {
    const v = await visit(`/case-studies/${CASE_TWO}`);
    expect(v.text).toContain(visible.titleTwo);
    expect(JSON.parse(v.jsonLd[0] ?? "").name ?? JSON.parse(v.jsonLd[0] ?? "").headline).toContain(visible.titleTwo);
    await close(v);
    const card = await visit(`/embed/case-studies/${CASE_TWO}`);
    expect(card.text).toContain(visible.titleTwo);
    await close(card);
  });

  it("the history page and its comparison of two revisions", async () => {
    const v = await visit(`/case-studies/${CASE_ONE}/history?from=1&to=2`);
    expect(v.text).toContain(visible.title);
    expect(v.text).toContain("Hostile record, first version");
    await close(v);
    const bad = await visit(
      `/case-studies/${CASE_ONE}/history?from=${q(htmlPayloads.script("from"))}&to=${q(htmlPayloads.breakout("to"))}`,
    );
    await close(bad);
  });

  it("the list of records, the home page and the evidence map", async () => {
    const list = await visit("/case-studies?modality=acupuncture&condition=low_back_pain");
    expect(list.text).toContain(visible.title);
    await close(list);
    for (const path of ["/", "/evidence/map", "/case-studies"]) await close(await visit(path));
  });

  it("search: cards, snippets from the body, facets and chips", async () => {
    const v = await visit("/search?q=hostile&modality=acupuncture");
    expect(v.text).toContain(visible.title);
    expect(v.text).toContain(visible.titleTwo);
    await close(v);
    const snippets = await visit("/search?q=onerror+unclosed");
    expect(snippets.text).toMatch(/onerror/);
    await close(snippets);
    const query = await visit(
      `/search?q=${q(`${htmlPayloads.script("q")} ${htmlPayloads.breakout("q2")}`)}&condition=${q(htmlPayloads.img("facet"))}`,
    );
    await close(query);
  });

  it("the curated brief (synthesis table, dot plot, narrative) and the brief list", async () => {
    for (const path of [`/briefs/${BRIEF}`, `/briefs/${BRIEF}?include_illustrative=1`]) {
      const v = await visit(path);
      expect(v.text).toContain(visible.briefTitle);
      expect(v.text).toContain(visible.briefMessage);
      expect(v.text).toContain(visible.label);
      expect(v.title).toContain(visible.briefTitle);
      await close(v);
    }
    const list = await visit("/briefs");
    expect(list.text).toContain(visible.briefTitle);
    await close(list);
  });

  it("a composed brief, with a hostile slug among the chosen records", async () => {
    const v = await visit(`/briefs/compose?cases=${CASE_ONE},${CASE_TWO},${q(htmlPayloads.script("compose"))}`);
    expect(v.text).toContain(visible.title);
    expect(v.text).toContain(visible.titleTwo);
    await close(v);
  });

  it("reference figures: the list and the figure's page", async () => {
    const list = await visit("/reference-figures");
    expect(list.text).toContain(visible.figureTitle);
    await close(list);
    const v = await visit(`/reference-figures/${FIGURE}`);
    expect(v.text).toContain(visible.figureTitle);
    expect(v.text).toContain(visible.figureQuote);
    await close(v);
  });

  it("the embed card with hostile options", async () => {
    const options = `theme=${q(htmlPayloads.breakout("theme"))}&accent=${q(`red;}</style><script>${js("accent")}</script>`)}&compact=${q(htmlPayloads.svgOnload("compact"))}`;
    const v = await visit(`/embed/case-studies/${CASE_ONE}?${options}`);
    expect(v.text).toContain(visible.title);
    await close(v);
  });
});

describe("no script runs from hostile addresses and form input", () => {
  it("calculator pages and frames with hostile query strings, and a payload typed into a live calculator", async () => {
    const hostileQuery = `participants=${q(htmlPayloads.script("participants"))}&years=${q(htmlPayloads.breakout("years"))}&scenario=${q(htmlPayloads.img("scenario"))}&${q("savings_lines[0].label")}=${q(htmlPayloads.svgScript("line"))}`;
    await close(await visit(`/calculators/program-roi?${hostileQuery}`));
    await close(await visit(`/calculators/${q(htmlPayloads.script("calc-id"))}`));
    await close(
      await visit(
        `/embed/calculators/program-roi?${hostileQuery}&lock=${q(htmlPayloads.img("lock"))}&accent=${q('"><script>')}`,
      ),
    );
    // The browser bundle re-renders the results (innerHTML of server-shared markup) on every keystroke.
    const live = await visit("/calculators/program-roi", async (page) => {
      await page.locator("form.calc-form input[type=text]").first().fill(htmlPayloads.img("typed"));
      await page.locator("form.calc-form input[type=text]").nth(1).fill(htmlPayloads.svgScript("typed2"));
      // The results are recomputed after a short debounce: wait until they name the typed line.
      // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees
      await page.waitForFunction((text) => document.body.innerText.includes(text), htmlPayloads.img("typed"));
    });
    expect(live.text).toContain(htmlPayloads.img("typed"));
    await close(live);
  });

  it("the submission form shows hostile text back as text: re-rendered with its errors, and on the receipt", async () => {
    const textFields = "form#submit-form input[type=text]:visible, form#submit-form textarea:visible";
    const send = async (page: Page) => {
      await Promise.all([
        page.waitForNavigation(),
        page.locator("form#submit-form .calc-actions button[name=action][value=submit]").click(),
      ]);
    };
    // One field filled: the form comes back with errors beside the others and the typed text in its field.
    const invalid = await visit("/submit", async (page) => {
      await page.locator(textFields).first().fill(htmlPayloads.textarea("submit-title"));
      await send(page);
    });
    const values = await invalid.page
      .locator("form#submit-form input[type=text], form#submit-form textarea")
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(values).toContain(htmlPayloads.textarea("submit-title"));
    await close(invalid);
    // Every text field filled: the submission is received and its receipt names the title.
    const received = await visit("/submit", async (page) => {
      const fields = page.locator(textFields);
      const count = await fields.count();
      for (let i = 0; i < count; i++) await fields.nth(i).fill(htmlPayloads.script(`submit-${i}`));
      await send(page);
    });
    expect(received.text).toContain(htmlPayloads.script("submit-0"));
    await close(received);
  });

  it("error pages for hostile paths", async () => {
    for (const path of [
      `/case-studies/${q(htmlPayloads.script("slug"))}`,
      `/reference-figures/${q(htmlPayloads.breakout("figure-slug"))}`,
      `/briefs/${q(htmlPayloads.img("brief-slug"))}`,
      `/taxonomy/${q(htmlPayloads.svgOnload("kind"))}`,
      `/nowhere/${q(htmlPayloads.title("path"))}?x=${q(htmlPayloads.script("x"))}`,
    ]) {
      const v = await visit(path);
      expect(v.status, path).toBe(404);
      await close(v);
    }
  });

  it("the oEmbed answer's HTML, pasted into a blank page of another site, runs nothing", async () => {
    const answer = await fetch(url(`/oembed?format=json&url=${q(url(`/case-studies/${CASE_ONE}`))}`));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    const { html, title } = (await answer.json()) as { html: string; title: string };
    expect(title).toContain(visible.title);
    // A host page on another origin (served by the browser itself), as a CMS would paste the answer.
    const host = "http://host.example";
    const page = await context.newPage();
    await page.route(`${host}/`, (route) =>
      route.fulfill({ contentType: "text/html", body: `<!doctype html><title>host</title>${html}` }),
    );
    const problems = watchForScript(page, url("/"), [host]);
    await page.goto(`${host}/`, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    expect(await page.locator("body > *").count()).toBe(1);
    expect(await page.locator("iframe").count()).toBe(1);
    const audit = await auditPage(page);
    expect([...problems, ...audit.problems, ...audit.violations]).toEqual([]);
    await page.close();
    const bad = await fetch(url(`/oembed?url=${q(`javascript:${js("oembed")}`)}`));
    expect(bad.status).toBe(404);
    expect(bad.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const badHost = await fetch(
      url(`/oembed?url=${q(`${url("/case-studies/")}${htmlPayloads.script("oembed-slug")}`)}`),
    );
    expect(badHost.headers.get("content-type")).not.toMatch(/html/);
  });
});

describe("exports carry the payloads as data, never as a page", () => {
  it("the JSON API answers JSON with nosniff, never HTML", async () => {
    for (const path of [
      `/api/v1/case-studies/${CASE_ONE}`,
      "/api/v1/search?q=hostile",
      `/api/v1/reference-figures/${FIGURE}`,
    ]) {
      const res = await fetch(url(path));
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  const downloads = [
    ...["markdown", "csv", "json", "bibtex", "ris", "csl-json"].map(
      (f) => `/api/v1/exports/case-studies/${CASE_ONE}?format=${f}`,
    ),
    ...["markdown", "csv", "json"].map((f) => `/api/v1/exports/briefs/${BRIEF}?format=${f}`),
    `/api/v1/exports/composed-brief?cases=${CASE_ONE},${CASE_TWO}&format=markdown`,
    "/api/v1/exports/search?q=hostile&format=csv",
    "/api/v1/exports/search?q=hostile&format=json",
  ];
  it.each(downloads)("%s is an attachment that is not HTML", async (path) => {
    const res = await fetch(url(path));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).not.toMatch(/html|xml|svg/i);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await res.text();
    // The payload travels as data (JSON escapes nothing but quotes, so the bare tag is in every format).
    expect(text).toMatch(/<script>alert\(|<img src=x onerror=|<\/title><script>/);
  });
});
