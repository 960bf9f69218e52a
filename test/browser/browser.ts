/** Headless Debian Chromium through playwright-core (no browser download), one persistent context per test file. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { type LaunchOptions, launchChromium } from "../../scripts/lib/chromium";

export const baseUrl = (): string => inject("baseUrl");

/** Where screenshots go; look at them (they are the point of a browser test, not decoration). */
export const screenshotDir = join(process.cwd(), "test-results", "screenshots");

export function launch(options: LaunchOptions = {}): Promise<BrowserContext> {
  mkdirSync(screenshotDir, { recursive: true });
  return launchChromium(options);
}

/** Collects console errors and CSP violations so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
