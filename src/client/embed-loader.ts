/**
 * /embed.js, the loader a host page includes with one `<script async src="https://<our origin>/embed.js">`. It turns
 * every `<div data-roi-embed="calculators/program-roi">` (and every one added later) into a lazy-loaded iframe of our
 * /embed/ page and sizes each frame from the height its page reports. Our own code, no framework, one global
 * (`RoiEmbed`), so a host needs nothing else; built as a classic script (not a module) so `document.currentScript`
 * names our origin and old CMS script tags work.
 *
 * Why it is safe on any page:
 *   - a height is accepted only from that frame's own window (`event.source`) and only from our origin, so another
 *     frame or the host page itself cannot resize anything;
 *   - the height is set through the CSSOM (`iframe.style.height`), never a style attribute, so a host CSP without
 *     'unsafe-inline' styles does not block it;
 *   - heights are rounded up, so a fractional content height never leaves a 1 px scrollbar;
 *   - nothing is cached: every report is applied, so a frame that started in a hidden tab (and reported nothing, or
 *     a tiny height) gets its real height when it is shown and its page measures again;
 *   - a bad attribute skips that one embed with a console warning and never throws into the host page.
 */

import { EMBED_HEIGHT_MESSAGE as HEIGHT_MESSAGE } from "../domain/embed-url";

/** Only these kinds of page exist under /embed/. */
const TARGET = /^(calculators|case-studies)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A height above this is a broken page, not content: ignore it rather than grow the host page without end. */
const MAX_HEIGHT = 20000;

interface RoiEmbedGlobal {
  /** Turns every not yet loaded `[data-roi-embed]` element into a frame (runs by itself on load and on changes). */
  scan(): void;
}

declare global {
  interface Window {
    RoiEmbed?: RoiEmbedGlobal;
  }
}

function ourOrigin(): string | null {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src$="/embed.js"]');
  try {
    return script?.src ? new URL(script.src).origin : null;
  } catch {
    return null;
  }
}

function warn(element: Element, message: string): void {
  console.warn(`RoiEmbed: ${message}; this embed is skipped.`, element);
}

/** The embed page's address for one element, or null (with a warning) when its attributes cannot make one. */
function frameUrl(origin: string, element: HTMLElement): URL | null {
  const data = element.dataset;
  const target = (data.roiEmbed ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (!TARGET.test(target)) {
    warn(element, `data-roi-embed="${data.roiEmbed}" names no calculator or case study`);
    return null;
  }
  const url = new URL(`/embed/${target}`, origin);
  if (data.inputs) {
    let inputs: unknown;
    try {
      inputs = JSON.parse(data.inputs);
    } catch {
      warn(element, "data-inputs is not valid JSON");
      return null;
    }
    if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
      warn(element, "data-inputs must be a JSON object of input names and values");
      return null;
    }
    for (const [name, value] of Object.entries(inputs)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== null && item !== undefined) url.searchParams.append(name, String(item));
      }
    }
  }
  // The embed page checks each of these and falls back to its default with a visible note.
  if (data.lock) url.searchParams.set("lock", data.lock);
  if (data.theme) url.searchParams.set("theme", data.theme);
  if (data.accent) url.searchParams.set("accent", data.accent);
  if (data.compact && data.compact !== "0" && data.compact !== "false") url.searchParams.set("compact", "1");
  return url;
}

function start(origin: string): RoiEmbedGlobal {
  const frames = new Set<HTMLIFrameElement>();
  const done = new WeakSet<Element>();

  const load = (element: HTMLElement): void => {
    done.add(element);
    const url = frameUrl(origin, element);
    if (!url) return;
    const frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title =
      element.dataset.title ||
      (url.pathname.startsWith("/embed/calculators/") ? "ROI calculator" : "Evidence card") +
        " from Integrative Care Financing Evidence";
    frame.loading = "lazy";
    // CSSOM properties, not a style attribute: a strict host CSP allows these.
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frames.add(frame);
    element.replaceChildren(frame);
  };

  const scan = (): void => {
    for (const element of document.querySelectorAll<HTMLElement>("[data-roi-embed]")) {
      if (done.has(element)) continue;
      try {
        load(element);
      } catch (error) {
        warn(element, String(error));
      }
    }
  };

  window.addEventListener("message", (event) => {
    if (event.origin !== origin) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number") return;
    const height = Math.ceil(data.height);
    if (!(height > 0 && height <= MAX_HEIGHT)) return;
    for (const frame of frames) {
      if (!frame.isConnected) frames.delete(frame);
      else if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
    }
  });

  // Parser-inserted and script-added elements alike: a later CMS widget or a single-page app's view gets its frames.
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  scan();
  return { scan };
}

if (window.RoiEmbed) {
  // Included twice (two widgets on one page): the first copy does the work.
  window.RoiEmbed.scan();
} else {
  const origin = ourOrigin();
  if (origin) window.RoiEmbed = start(origin);
  else console.warn("RoiEmbed: cannot tell where /embed.js was loaded from; no embeds are loaded.");
}
