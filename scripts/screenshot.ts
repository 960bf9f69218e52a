/**
 * npx tsx scripts/screenshot.ts <url> <out.png> [width] — a full-page screenshot in headless Debian Chromium, for
 * looking at pages as a person would (phone width: 390).
 */
import { launchChromium } from "./lib/chromium";

const [url, out, width = "1200", media = "screen", height] = process.argv.slice(2);
if (!url || !out) {
  console.error(
    "usage: tsx scripts/screenshot.ts <url> <out.png> [width] [screen|print] [viewport-height: no full page]",
  );
  process.exit(2);
}
const context = await launchChromium({ width: Number(width), height: Number(height ?? 900) });
const page = await context.newPage();
await page.emulateMedia({ media: media === "print" ? "print" : "screen" });
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: !height });
await context.close();
console.log(`screenshot: ${url} → ${out}`);
