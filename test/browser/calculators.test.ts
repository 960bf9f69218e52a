/**
 * Calculator pages in Chromium: live recalculation with no request, the URL as state, the no-JS GET form, keyboard
 * and labels, and screenshots to look at.
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCalculator } from "../../src/calculators";
import { formatUsd } from "../../src/domain/numbers";
import { defaultSavingsLinesWith } from "../fixtures/calculators";
import { baseUrl, launch, screenshotDir, watchErrors } from "./browser";

let desktop: BrowserContext;
let phone: BrowserContext;
let noJs: BrowserContext;

beforeAll(async () => {
  desktop = await launch({ width: 1280 });
  phone = await launch({ width: 390 });
  noJs = await launch({ javaScriptEnabled: false, width: 1280 });
});
afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await noJs?.close();
});

function npvFor(raw: Record<string, unknown>): string {
  const outcome = runCalculator("program-roi", raw);
  if (!outcome.ok) throw new Error("invalid example");
  return formatUsd(outcome.result.outputs.npv);
}

/** The first headline figure (NPV on program-roi). */
const firstFigure = (page: Page) => page.locator("#calc-output .figure-value").first().textContent();

/** Records every request the page makes from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(`${request.method()} ${new URL(request.url()).pathname}`));
  return urls;
}

describe("with JavaScript", () => {
  it("the bundle draws exactly the markup the server drew for the same inputs (results and rows)", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/program-roi?participants=2500&uncertainty=on&uncertainty.iterations=500`);
    await page.waitForLoadState("networkidle");
    const serverResults = await page.locator("#calc-output").innerHTML();
    const serverRows = await page.locator("#f-savings_lines").evaluate((el) => el.outerHTML);
    // The same value typed again: the bundle recomputes and replaces the results with its own render.
    await page
      .locator("#calc-form")
      .getByLabel(/^Participants/)
      .fill("2500");
    await expect.poll(() => page.locator("#calc-status").textContent()).toContain("Updated.");
    expect(await page.locator("#calc-output").innerHTML()).toBe(serverResults);
    // A row added and removed again: the bundle re-renders the rows' group with the form's components.
    await page.getByRole("button", { name: "Add a savings line" }).click();
    await expect.poll(() => page.locator("fieldset.calc-row").count()).toBe(4);
    await page.getByRole("button", { name: "Remove savings line 4" }).click();
    await expect.poll(() => page.locator("fieldset.calc-row").count()).toBe(3);
    expect(await page.locator("#f-savings_lines").evaluate((el) => el.outerHTML)).toBe(serverRows);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("rows the bundle adds (from the server's templates, renumbered past them) and removes match the server's", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/program-roi?savings_lines=1`);
    await page.waitForLoadState("networkidle");
    // One row: its remove button is there but hidden.
    expect(await page.getByRole("button", { name: /^Remove savings line/ }).count()).toBe(0);
    const add = page.getByRole("button", { name: "Add a savings line" });
    for (let rows = 2; rows <= 5; rows++) {
      await add.click();
      await expect.poll(() => page.locator("fieldset.calc-row").count()).toBe(rows);
    }
    await page.locator("#f-savings_lines-4-cost_per_event").fill("70");
    await page.getByRole("button", { name: "Remove savings line 2" }).click();
    await expect.poll(() => page.locator("fieldset.calc-row").count()).toBe(4);
    await expect.poll(() => new URL(page.url()).search).toContain("savings_lines=4");
    // The rows without their value attributes (the bundle sets values, the server writes them) and templates.
    const rows = (p: Page) =>
      p.locator("#f-savings_lines").evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const t of copy.querySelectorAll("template")) t.remove();
        for (const i of copy.querySelectorAll("input")) i.removeAttribute("value");
        return copy.innerHTML;
      });
    const values = (p: Page) =>
      p.locator("#f-savings_lines input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const server = await desktop.newPage();
    await server.goto(page.url());
    expect(await rows(page)).toBe(await rows(server));
    expect(await values(page)).toEqual(await values(server));
    expect(await values(page)).toContain("Savings line 5");
    expect(await page.locator("#f-savings_lines-3-cost_per_event").inputValue()).toBe("70");
    // The third default row came back from its template with its source line.
    expect(await page.locator("#f-savings_lines-2-reduction_pct-src").count()).toBe(1);
    expect(await firstFigure(page)).toBe(await firstFigure(server));
    expect(errors).toEqual([]);
    await server.close();
    await page.close();
  });

  it("typing recomputes figures and chart in the page, with no request, and writes the state into the URL", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/program-roi`);
    await page.waitForLoadState("networkidle");
    expect(await firstFigure(page)).toBe(npvFor({}));
    const chartBefore = await page.locator("#chart-1 svg").innerHTML();
    const requests = recordRequests(page);

    await page
      .locator("#calc-form")
      .getByLabel(/^Participants/)
      .fill("2500");
    const expected = npvFor({ participants: 2500 });
    await expect.poll(() => firstFigure(page)).toBe(expected);
    await expect.poll(() => new URL(page.url()).search).toBe("?participants=2500");
    expect(await page.locator("#chart-1 svg").innerHTML()).not.toBe(chartBefore);
    expect(await page.locator("#calc-status").textContent()).toContain(expected);

    // A reduction in the second savings line: the URL carries only that cell.
    await page.locator("#f-savings_lines-1-reduction_pct").fill("40");
    const both = npvFor({ participants: 2500, savings_lines: defaultSavingsLinesWith(1, { reduction_pct: 40 }) });
    await expect.poll(() => firstFigure(page)).toBe(both);
    expect(new URL(page.url()).search).toBe("?participants=2500&savings_lines[1].reduction_pct=40");
    // Focus stayed where the person was typing.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-savings_lines-1-reduction_pct");

    expect(requests.filter((r) => /\/(calculators|api)\b/.test(r))).toEqual([]);

    // The copied link reproduces the same result, server-rendered.
    const url = page.url();
    const again = await desktop.newPage();
    await again.goto(url);
    expect(await firstFigure(again)).toBe(both);
    expect(await again.locator("#f-participants").inputValue()).toBe("2500");
    await again.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("bad input marks the field, fills the summary, and clears when fixed", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/program-roi`);
    const input = page.locator("#calc-form").getByLabel(/^Participants/);
    await input.fill("0");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    expect(await input.getAttribute("aria-describedby")).toMatch(/^f-participants-err /);
    expect(await page.locator("#f-participants-err").textContent()).toBe("Enter a whole number from 1 to 10,000,000");
    expect(await page.locator("#calc-error-summary").isVisible()).toBe(true);
    expect(await page.locator("#calc-output").textContent()).toContain("1 input needs fixing");
    expect(new URL(page.url()).search).toBe("?participants=0");
    await input.fill("10");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#calc-error-summary").isVisible()).toBe(false);
    expect(await page.locator("#f-participants-err").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("rows are added and removed in place, and the uncertainty switch reveals its fields and the histogram", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/program-roi`);
    await page.waitForLoadState("networkidle");
    const requests = recordRequests(page);
    await page.getByRole("button", { name: "Add a savings line" }).click();
    await expect.poll(() => page.locator("fieldset.calc-row").count()).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-savings_lines-3-label");
    await expect.poll(() => new URL(page.url()).search).toBe("?savings_lines=4");
    await page.getByRole("button", { name: "Remove savings line 1" }).click();
    await expect.poll(() => page.locator("fieldset.calc-row").count()).toBe(3);
    expect(await page.locator("#f-savings_lines-0-label").inputValue()).toBe("Opioid prescription fills");

    expect(await page.locator("#g-uncertainty-fields").isVisible()).toBe(false);
    await page.locator("#calc-form").getByLabel("Include uncertainty (Monte Carlo)").selectOption("on");
    expect(await page.locator("#g-uncertainty-fields").isVisible()).toBe(true);
    await expect.poll(() => page.locator("#calc-output h3", { hasText: "Uncertainty" }).count()).toBe(1);
    expect(new URL(page.url()).search).toContain("uncertainty=on");
    expect(requests.filter((r) => /\/(calculators|api)\b/.test(r))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("hsa-tax-savings: family coverage, then an FSA, gives a result with a warning and never an error", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/hsa-tax-savings`);
    await page.waitForLoadState("networkidle");
    await page.locator("#f-coverage").selectOption("family");
    await expect.poll(() => new URL(page.url()).search).toBe("?coverage=family");
    await page.locator("#f-account").selectOption("fsa");
    await expect.poll(() => new URL(page.url()).search).toBe("?account=fsa&coverage=family");
    // The engine's warning, not an error: the result is there and says the coverage was ignored.
    await expect.poll(() => page.locator("#calc-output").textContent()).toContain("family coverage was ignored");
    expect(await page.locator("#calc-output").textContent()).not.toContain("needs fixing");
    expect(await page.locator("[aria-invalid]").count()).toBe(0);
    expect(await page.locator("#calc-error-summary").isVisible()).toBe(false);
    expect(await page.locator("#calc-output .figure-value").count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keyboard: Tab walks the inputs in order and every input is found by its label", async () => {
    const page = await desktop.newPage();
    await page.goto(`${baseUrl()}/calculators/patient-cost-compare`);
    const domOrder = await page.$$eval("#calc-form input:not([type=hidden]), #calc-form select", (els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.id),
    );
    await page.locator("#f-visits_per_year").focus();
    const visited = ["f-visits_per_year"];
    for (let i = 0; i < 30 && visited.length < domOrder.length; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        return el && (el.tagName === "INPUT" || el.tagName === "SELECT") ? el.id : null;
      });
      if (id && id !== visited[visited.length - 1]) visited.push(id);
    }
    expect(visited).toEqual(domOrder);
    for (const label of [
      "Visits per year",
      "Cash price per visit",
      "Membership fee",
      "Visits included per month",
      "HSA tax rate",
    ]) {
      expect(
        await page
          .locator("#calc-form")
          .getByLabel(new RegExp(`^${label}`))
          .count(),
        label,
      ).toBe(1);
    }
    await page.close();
  });
});

describe("without JavaScript", () => {
  it("the GET form gives the same result, rendered by the server", async () => {
    const page = await noJs.newPage();
    await page.goto(`${baseUrl()}/calculators/program-roi`);
    await page
      .locator("#calc-form")
      .getByLabel(/^Participants/)
      .fill("2500");
    await page.locator("#f-savings_lines-1-reduction_pct").fill("40");
    await Promise.all([
      page.waitForURL(/participants=2500/),
      page.getByRole("button", { name: "Calculate", exact: true }).last().click(),
    ]);
    expect(new URL(page.url()).search).toBe("?participants=2500&savings_lines[1].reduction_pct=40");
    expect(new URL(page.url()).hash).toBe("#results");
    const expected = npvFor({ participants: 2500, savings_lines: defaultSavingsLinesWith(1, { reduction_pct: 40 }) });
    expect(await firstFigure(page)).toBe(expected);

    // Rows without JavaScript: the add button is a submit button handled by the server.
    await Promise.all([
      page.waitForURL(/savings_lines=4/),
      page.getByRole("button", { name: "Add a savings line" }).click(),
    ]);
    expect(await page.locator("fieldset.calc-row").count()).toBe(4);

    // Switching uncertainty on takes effect on submit, and its fields then appear.
    await page.locator("#calc-form").getByLabel("Include uncertainty (Monte Carlo)").selectOption("on");
    await Promise.all([
      page.waitForURL(/uncertainty=on/),
      page.getByRole("button", { name: "Calculate", exact: true }).last().click(),
    ]);
    expect(await page.locator("#g-uncertainty-fields").isVisible()).toBe(true);
    await page.close();
  });

  it("invalid input comes back as a readable page with the field marked", async () => {
    const page = await noJs.newPage();
    await page.goto(`${baseUrl()}/calculators/membership-clinic`);
    await page
      .locator("#calc-form")
      .getByLabel(/^Share of new members/)
      .fill("50");
    await Promise.all([
      page.waitForURL(/share_of_new_members_pct=50/),
      page.getByRole("button", { name: "Calculate", exact: true }).last().click(),
    ]);
    expect(await page.locator("#calc-error-summary").isVisible()).toBe(true);
    expect(await page.locator("#f-tiers-0-share_of_new_members_pct").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#f-tiers-err").textContent()).toContain("must sum to 100");
    await page.close();
  });
});

describe("screenshots (look at them)", () => {
  it("program-roi on a desktop, with uncertainty on", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/program-roi?uncertainty=on`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(screenshotDir, "calculator-program-roi-desktop.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("membership-clinic on a phone", async () => {
    const page = await phone.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/membership-clinic`);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotDir, "calculator-membership-clinic-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("patient-cost-compare with insurance", async () => {
    const page = await desktop.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/calculators/patient-cost-compare?insurance=on&hsa_tax_rate_pct=30`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(screenshotDir, "calculator-patient-cost-compare.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("program-roi printed: no form, inputs summary and results", async () => {
    const page = await desktop.newPage();
    await page.emulateMedia({ media: "print" });
    await page.goto(`${baseUrl()}/calculators/program-roi?participants=2500`);
    expect(await page.locator("#calc-form").isVisible()).toBe(false);
    expect(await page.locator(".inputs-summary").isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, "calculator-program-roi-print.png"), fullPage: true });
    await page.close();
  });
});
