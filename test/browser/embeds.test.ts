/**
 * Embed frames in Chromium: axe-core finds no violations on any frame in light and dark; the frame reports its
 * content height to a host page on another origin and again when its content changes; the calculator recomputes as
 * you type with no request; locked inputs cannot be edited. Screenshots at 320 and 800 px in both themes.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculatorIds } from "../../src/calculators";
import { baseUrl, launch, screenshotDir, watchErrors } from "./browser";

const AXE = resolve(process.cwd(), "node_modules/axe-core/axe.min.js");

let context: BrowserContext;
let slugs: string[] = [];
let host: Server;
let hostHtml = "";
/** A host page on another origin (its own localhost port), as an embedding site would be. */
let hostUrl = "";
beforeAll(async () => {
  host = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(hostHtml);
  });
  await new Promise<void>((done) => host.listen(0, "127.0.0.1", done));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  context = await launch({ width: 800 });
  const res = await fetch(`${baseUrl()}/api/v1/case-studies?limit=50`);
  slugs = ((await res.json()) as { items: { slug: string }[] }).items.map((i) => i.slug);
});
afterAll(async () => {
  await context?.close();
  await new Promise((done) => host?.close(done));
});

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

const axeSource = readFileSync(AXE, "utf8");

async function axe(page: Page): Promise<string[]> {
  // The frame's CSP refuses inline scripts (addScriptTag would be one); an evaluation from the test is not a script
  // of the page, so it runs axe without weakening the policy under test.
  await page.evaluate(`${axeSource};0`);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("embed frames in Chromium", () => {
  // One test per page and theme, so a slow, loaded machine meets the per-test limit (nothing here is timed).
  const pages = [
    ...calculatorIds.map((id) => `/embed/calculators/${id}`),
    "/embed/calculators/program-roi?lock=participants,uncertainty&theme=neon",
    "/embed/case-studies/no-such-record",
    "case studies",
  ];
  it.each(["light", "dark"].flatMap((theme) => pages.map((path) => [theme, path] as const)))(
    "axe-core reports no violations: %s %s",
    async (theme, path) => {
      const paths = path === "case studies" ? slugs.map((slug) => `/embed/case-studies/${slug}`) : [path];
      if (path === "case studies") expect(slugs.length).toBeGreaterThan(5);
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of paths) {
        await page.goto(`${baseUrl()}${p}${p.includes("?") ? "&" : "?"}theme=${theme}`);
        for (const v of await axe(page)) found.push(`${p}: ${v}`);
      }
      await page.close();
      expect(found).toEqual([]);
    },
  );

  it("screenshots at 320 and 800 px, light and dark", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const width of [320, 800]) {
      await page.setViewportSize({ width, height: 900 });
      for (const theme of ["light", "dark"]) {
        await page.goto(
          `${baseUrl()}/embed/calculators/program-roi?participants=5000&lock=participants&theme=${theme}`,
        );
        await page.screenshot({ path: join(screenshotDir, `embed-program-roi-${width}-${theme}.png`), fullPage: true });
        await page.goto(`${baseUrl()}/embed/case-studies/${slugs[0]}?theme=${theme}`);
        await page.screenshot({ path: join(screenshotDir, `embed-card-${width}-${theme}.png`), fullPage: true });
      }
    }
    expect(errors).toEqual([]);
  });

  it("reports its content height to the host, recomputes with no request, and keeps locked inputs", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    // A host on another origin with a listener; the frame is given a fixed height first.
    hostHtml = `<!DOCTYPE html><title>host</title><iframe id="f" title="calculator" width="600" height="300" src="${baseUrl()}/embed/calculators/program-roi?lock=participants&participants=5000"></iframe>
       <script>window.heights=[];addEventListener("message",(e)=>{if(e.data&&e.data.type==="roi-embed:height")window.heights.push(e.data.height)});</script>`;
    await page.goto(hostUrl);
    await page.waitForFunction(() => (window as unknown as { heights: number[] }).heights.length > 0);
    const frame = page.frame({ url: /\/embed\/calculators\// }) as Frame;
    const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    const first = await page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1));
    expect(first).toBeCloseTo(content, 0);
    // The frame's own fixed height does not change what it reports (no vh or 100% box): it is not 300.
    expect(content).toBeGreaterThan(300);

    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const before = await frame.locator("#calc-output").innerHTML();
    await frame.locator("#f-cost_per_participant").fill("50");
    await frame.waitForFunction((b) => document.getElementById("calc-output")?.innerHTML !== b, before);
    expect(requests).toEqual([]);

    // Opening the disclosure changes the content height: a new height is posted.
    const count = await page.evaluate(() => (window as unknown as { heights: number[] }).heights.length);
    await frame.locator("details.calc-more > summary").click();
    await page.waitForFunction((n) => (window as unknown as { heights: number[] }).heights.length > n, count);
    const opened = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    expect(await page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1))).toBeCloseTo(
      opened,
      0,
    );

    // The locked input is read-only: typing changes nothing.
    const locked = frame.locator("#f-participants");
    expect(await locked.getAttribute("readonly")).not.toBeNull();
    await locked.focus();
    await page.keyboard.type("9");
    expect(await locked.inputValue()).toBe("5000");
    await page.screenshot({ path: join(screenshotDir, "embed-host-fixed-iframe.png"), fullPage: true });
  });

  it("posts nothing when not framed", async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/embed/case-studies/${slugs[0]}`);
    // Unframed, window.parent is the window itself: a message would arrive here.
    const got = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let n = 0;
          addEventListener("message", () => n++);
          document.body.insertAdjacentHTML("beforeend", "<p>more content</p>");
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(n), 50)));
        }),
    );
    expect(got).toBe(0);
  });
});
