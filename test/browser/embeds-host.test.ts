/**
 * Embeds on someone else's page: a host served from another origin (a node:http server on its own port) with a strict
 * CSP (no inline styles, scripts and frames only from our origin) embeds two calculators and one evidence card
 * through /embed.js and one calculator as a plain iframe. Each frame must fit its content with no inner scrollbar,
 * before and after an input changes and when it is shown from a hidden tab; locked inputs cannot be edited; a forged
 * height message resizes nothing; frames added later are loaded; the plain iframe scrolls inside itself.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { BrowserContext, ElementHandle, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, screenshotDir, watchErrors } from "./browser";

const SLUG = "acupuncture-chronic-pain-ipd-meta-analysis";

let context: BrowserContext;
let server: Server;
let host: string;
let forgerOrigin: string;

function hostPage(our: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host page</title></head>
<body>
<h1>A coalition's page</h1>
<p>Two calculators and an evidence card through the loader, one calculator as a plain iframe.</p>
<div id="e-roi" data-roi-embed="calculators/program-roi" data-inputs='{"participants":5000}' data-lock="participants"></div>
<div id="e-hsa" data-roi-embed="calculators/hsa-tax-savings" data-theme="dark" data-accent="#aa3300"></div>
<div id="e-card" data-roi-embed="case-studies/${SLUG}"></div>
<iframe id="plain" src="${our}/embed/calculators/membership-clinic" title="Calculator: membership clinic" width="100%" height="640"></iframe>
<div id="tab" hidden><div id="e-tab" data-roi-embed="calculators/shared-savings" data-compact="1"></div></div>
<div id="e-bad" data-roi-embed="calculators/program-roi" data-inputs='{participants:'><a href="${our}/calculators/program-roi">Program ROI</a></div>
<iframe id="forger" src="${forgerOrigin}/forger" title="Another site's frame" width="300" height="60"></iframe>
<div id="later"></div>
<script src="${our}/embed.js" async></script>
</body></html>`;
}

beforeAll(async () => {
  context = await launch({ width: 1100, height: 900 });
  const our = baseUrl();
  server = createServer((req, res) => {
    if (req.url === "/forger") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>forger</title><p>another origin</p>");
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      // The strictest a host is likely to have: no inline style or script; frames only from us (and the forger).
      "content-security-policy": `default-src 'none'; script-src ${our}; frame-src ${our} ${forgerOrigin}; style-src 'self'`,
    });
    res.end(hostPage(our));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  host = `http://127.0.0.1:${port}`;
  // The same server under another host name is another origin.
  forgerOrigin = `http://localhost:${port}`;
  expect(new URL(host).origin).not.toBe(new URL(our).origin);
});
afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `embeds-host-${name}.png`), fullPage: false });
}

/** The iframe the loader put into a host element. */
async function frameIn(
  page: Page,
  hostId: string,
): Promise<{ element: ElementHandle<HTMLIFrameElement>; frame: Frame }> {
  const element = (await page.waitForSelector(`#${hostId} > iframe`, {
    state: "attached",
  })) as ElementHandle<HTMLIFrameElement>;
  await element.scrollIntoViewIfNeeded();
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`${hostId}: no frame`);
  await frame.waitForLoadState("load");
  return { element, frame };
}

/** The frame's box on the host and its document's scroll height. */
async function sizes(element: ElementHandle<HTMLIFrameElement>, frame: Frame) {
  const clientHeight = await element.evaluate((iframe) => iframe.clientHeight);
  const scrollHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
  return { clientHeight, scrollHeight };
}

/** Waits until the frame's height has followed its content: equal within 1 px, and no inner scrollbar. */
async function expectFits(element: ElementHandle<HTMLIFrameElement>, frame: Frame, what: string): Promise<number> {
  await expect
    .poll(
      async () => {
        const { clientHeight, scrollHeight } = await sizes(element, frame);
        return clientHeight > 150 && Math.abs(clientHeight - scrollHeight) <= 1 && scrollHeight <= clientHeight;
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
  const { clientHeight, scrollHeight } = await sizes(element, frame);
  expect(Math.abs(clientHeight - scrollHeight), what).toBeLessThanOrEqual(1);
  expect(scrollHeight, what).toBeLessThanOrEqual(clientHeight);
  return clientHeight;
}

/** Heights of every loader frame as the host set them (the CSSOM property). */
const heights = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLIFrameElement>("[data-roi-embed] > iframe")].map((f) => f.style.height),
  );

describe("a host page on another origin with a strict CSP", () => {
  let page: Page;
  let errors: string[];
  const warnings: string[] = [];

  beforeAll(async () => {
    page = await context.newPage();
    errors = watchErrors(page);
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await page.goto(`${host}/`, { waitUntil: "load" });
  });

  it("turns each element into a lazy, titled frame of our embed page that fits its content", async () => {
    for (const id of ["e-roi", "e-hsa", "e-card"]) {
      const { element, frame } = await frameIn(page, id);
      expect(await element.getAttribute("loading")).toBe("lazy");
      expect((await element.getAttribute("title"))?.length).toBeGreaterThan(5);
      // Sized through the CSSOM, so the host CSP (no inline styles) refuses nothing (checked below).
      expect(new URL(frame.url()).origin).toBe(new URL(baseUrl()).origin);
      expect(new URL(frame.url()).pathname.startsWith("/embed/")).toBe(true);
      await expectFits(element, frame, id);
      // Element shots: a full-page capture leaves frames outside the viewport blank.
      await element.screenshot({ path: join(screenshotDir, `embeds-host-loaded-${id}.png`) });
    }
    const roi = new URL((await frameIn(page, "e-roi")).frame.url());
    expect(Object.fromEntries(roi.searchParams)).toEqual({ participants: "5000", lock: "participants" });
    const hsa = new URL((await frameIn(page, "e-hsa")).frame.url());
    expect(Object.fromEntries(hsa.searchParams)).toEqual({ theme: "dark", accent: "#aa3300" });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "top");
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });

  it("bad data-inputs skips that one embed with a warning and breaks nothing else", async () => {
    expect(await page.$$eval("#e-bad > iframe", (frames) => frames.length)).toBe(0);
    expect(await page.textContent("#e-bad")).toContain("Program ROI");
    expect(warnings.some((w) => w.includes("RoiEmbed") && w.includes("data-inputs"))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("results change when an input changes, and the frame follows the new height", async () => {
    const { element, frame } = await frameIn(page, "e-roi");
    const figure = () => frame.locator("#calc-output .figure-value").first().textContent();
    const before = await figure();
    const input = frame.locator("#f-cost_per_participant");
    await input.fill("900");
    await expect.poll(figure, { timeout: 10_000 }).not.toBe(before);
    await expectFits(element, frame, "after an input change");
    await element.screenshot({ path: join(screenshotDir, "embeds-host-roi-changed.png") });
  });

  it("a locked input cannot be edited", async () => {
    const { frame } = await frameIn(page, "e-roi");
    const locked = frame.locator("#f-participants");
    expect(await locked.isEditable()).toBe(false);
    expect(await locked.inputValue()).toBe("5000");
    // What a submit sends is the locked value's hidden field, the only one of that name.
    expect(
      await frame.locator('[name="participants"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).type)),
    ).toEqual(["hidden"]);
  });

  it("a frame in a hidden tab gets its height when the tab is shown", async () => {
    await page.evaluate(() => {
      (document.getElementById("tab") as HTMLElement).hidden = false;
    });
    const { element, frame } = await frameIn(page, "e-tab");
    await expectFits(element, frame, "shown from a hidden tab");
    await element.screenshot({ path: join(screenshotDir, "embeds-host-tab-shown.png") });
  });

  it("a forged height message, from the host page itself or another origin's frame, resizes nothing", async () => {
    const before = await heights(page);
    expect(before.every((h) => /^\d+px$/.test(h))).toBe(true);
    // Our listener is added after the loader's, so when it sees the message the loader has already handled it.
    const forged = (send: () => Promise<unknown>) =>
      Promise.all([
        page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const seen = (event: MessageEvent) => {
                if ((event.data as { forged?: boolean })?.forged) {
                  window.removeEventListener("message", seen);
                  resolve();
                }
              };
              window.addEventListener("message", seen);
            }),
        ),
        send(),
      ]);
    await forged(() =>
      page.evaluate(() => window.postMessage({ type: "roi-embed:height", height: 7, forged: true }, "*")),
    );
    const forger = page.frames().find((f) => f.url().startsWith(forgerOrigin));
    expect(forger).toBeTruthy();
    await forged(
      () =>
        forger?.evaluate(() => window.parent.postMessage({ type: "roi-embed:height", height: 9, forged: true }, "*")) ??
        Promise.resolve(),
    );
    expect(await heights(page)).toEqual(before);
  });

  it("an element added after load is turned into a frame too", async () => {
    await page.evaluate((slug) => {
      const div = document.createElement("div");
      div.id = "e-added";
      div.dataset.roiEmbed = `case-studies/${slug}`;
      div.dataset.theme = "dark";
      document.getElementById("later")?.appendChild(div);
    }, SLUG);
    const { element, frame } = await frameIn(page, "e-added");
    await expectFits(element, frame, "added later");
    await element.screenshot({ path: join(screenshotDir, "embeds-host-added-later.png") });
  });

  it("the plain iframe keeps its fixed height and scrolls inside itself instead of clipping", async () => {
    const element = (await page.$("#plain")) as ElementHandle<HTMLIFrameElement>;
    await element.scrollIntoViewIfNeeded();
    const frame = await element.contentFrame();
    if (!frame) throw new Error("no plain frame");
    await frame.waitForLoadState("load");
    const { clientHeight, scrollHeight } = await sizes(element, frame);
    expect(clientHeight).toBe(640);
    expect(scrollHeight).toBeGreaterThan(clientHeight);
    const scrolled = await frame.evaluate(() => {
      window.scrollTo(0, 300);
      return window.scrollY;
    });
    expect(scrolled).toBeGreaterThan(0);
    await element.screenshot({ path: join(screenshotDir, "embeds-host-plain-iframe.png") });
    expect(errors).toEqual([]);
  });
});
