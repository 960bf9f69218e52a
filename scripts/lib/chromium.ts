/** Headless Debian Chromium through playwright-core: no browser download, no background traffic, a fresh profile. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export interface LaunchOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  height?: number;
  /** Lets a test inject a script (axe-core through addScriptTag) past the site's CSP, which forbids inline scripts. */
  bypassCSP?: boolean;
}

/**
 * A fresh persistent context; closing it also deletes its profile folder, so test runs leave nothing in /tmp (each
 * profile is tens of megabytes, and a long day of runs filled a shared disk).
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  // Playwright takes the profile folder here, not as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext["close"]>) => {
    try {
      await close(...args);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  return context;
}
