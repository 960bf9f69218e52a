/**
 * Briefs in Chromium: printed to PDF (page.pdf) and turned into PNG pages with poppler's pdftoppm, to look at; and
 * an axe-core scan of the brief pages with zero violations.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, screenshotDir, watchErrors } from "./browser";

let context: BrowserContext;
beforeAll(async () => {
  context = await launch({ width: 1024 });
});
afterAll(async () => {
  await context?.close();
});

const BRIEFS = [
  "/briefs",
  "/briefs/non-drug-pain-care-acupuncture-coverage",
  "/briefs/perinatal-doulas-group-prenatal-care",
  "/briefs/food-as-medicine-diabetes-geisinger",
  "/briefs/compose?cases=geisinger-fresh-food-farmacy-rct,payer-pilot-acupuncture-low-back-pain,no-such-record",
];

describe("a brief printed to PDF", () => {
  it("paginates without navigation, with link addresses printed, into PNG pages", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/briefs/perinatal-doulas-group-prenatal-care`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site nav").isVisible()).toBe(false);
    expect(await page.locator(".downloads").isVisible()).toBe(false);
    // Link addresses are printed after links (generated content of ::after).
    const after = await page.evaluate(() => {
      const link = document.querySelector('.brief-records a[href^="/case-studies/"]');
      return link ? getComputedStyle(link, "::after").content : "";
    });
    expect(after).toContain("/case-studies/");
    // Charts and table rows are kept whole on a page.
    const breaks = await page.evaluate(() => ({
      chart: getComputedStyle(document.querySelector(".chart-block") as Element).breakInside,
      row: getComputedStyle(document.querySelector(".brief-metric table tr") as Element).breakInside,
    }));
    expect(breaks).toEqual({ chart: "avoid", row: "avoid" });

    const dir = join(screenshotDir, "brief-pdf");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    writeFileSync(join(dir, "brief.pdf"), pdf);
    execFileSync("pdftoppm", ["-png", "-r", "60", join(dir, "brief.pdf"), join(dir, "page")]);
    const pages = readdirSync(dir).filter((f) => f.endsWith(".png"));
    expect(pages.length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });
});

describe("brief pages under axe-core", () => {
  it("have no accessibility violations", async () => {
    // axe is injected as a script tag, which the site's CSP (no inline script) would refuse.
    const scanning = await launch({ width: 1024, bypassCSP: true });
    const page = await scanning.newPage();
    const found: Record<string, string[]> = {};
    for (const path of BRIEFS) {
      await page.goto(`${baseUrl()}${path}`);
      await page.addScriptTag({ path: join(process.cwd(), "node_modules/axe-core/axe.min.js") });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script tag adds
        const result = await (window as any).axe.run(document);
        return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      });
      if (violations.length) found[path] = violations;
    }
    await scanning.close();
    expect(found).toEqual({});
  });
});
