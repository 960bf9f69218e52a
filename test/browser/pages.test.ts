import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, screenshotDir, watchErrors } from "./browser";

let context: BrowserContext;
beforeAll(async () => {
  context = await launch({ width: 390 });
});
afterAll(async () => {
  await context?.close();
});

describe("pages in a phone-sized browser", () => {
  it("a record page renders without console errors or CSP violations, with the outcomes stacked", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/case-studies/doula-care-medicaid-birth-outcomes`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Doula");
    // On a phone the outcomes table becomes cards: its header row is moved off-screen.
    const headerBox = await page.locator("table.stack thead").boundingBox();
    expect(headerBox === null || headerBox.x < 0).toBe(true);
    await page.screenshot({ path: join(screenshotDir, "record-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("keyboard users reach the content through the skip link", async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Skip to content");
  });

  it("prints without navigation and with link targets", async () => {
    const page = await context.newPage();
    await page.emulateMedia({ media: "print" });
    await page.goto(`${baseUrl()}/case-studies/centeringpregnancy-south-carolina-medicaid`);
    expect(await page.locator("header.site nav").isVisible()).toBe(false);
    await page.screenshot({ path: join(screenshotDir, "record-print.png"), fullPage: true });
  });
});
