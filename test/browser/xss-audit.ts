/**
 * What the XSS suite watches on every page it opens: dialogs, console lines with the marker, requests to the marker
 * path or to any other origin, page errors, CSP violations (recorded inside the page by an init script, since the
 * CSP has no report-uri), and, after load, a DOM audit of every frame for markup that could run script later (an
 * event-handler attribute, a script URL, an inline or foreign script, a srcdoc frame, a protocol-relative link).
 */
import type { BrowserContext, Frame, Page } from "playwright-core";
import { MARKER_PATH, MARKER_TEXT } from "./xss-fixtures";

/** Installed in every frame before any of its scripts: CSP violations land in `window.__cspViolations`. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener(
      "securitypolicyviolation",
      (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}: ${e.sample}`),
      true,
    );
  });
}

/** Starts watching a page; the returned list fills as things happen. */
export function watchForScript(page: Page, baseUrl: string, otherOrigins: readonly string[] = []): string[] {
  const problems: string[] = [];
  const origins = new Set([new URL(baseUrl).origin, ...otherOrigins]);
  page.on("dialog", (dialog) => {
    problems.push(`a dialog opened: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("console", (message) => {
    const text = message.text();
    if (text.includes(MARKER_TEXT)) problems.push(`the console logged the marker: ${text}`);
    if (/Content Security Policy/i.test(text)) problems.push(`the console reported a CSP violation: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(MARKER_PATH)) problems.push(`the marker was requested: ${request.url()}`);
    else if (/^https?:$/.test(url.protocol) && !origins.has(url.origin)) problems.push(`an off-site request: ${url}`);
  });
  return problems;
}

export interface FrameAudit {
  problems: string[];
  violations: string[];
  text: string;
  title: string;
  jsonLd: string[];
}

/** Runs inside the page: everything in the DOM that could run script, and the page's text. */
function auditInPage(): FrameAudit {
  const problems: string[] = [];
  const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"];
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}>`;
  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(el.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`${describe(el)} has an event handler ${name}="${attribute.value}"`);
      if (name === "srcdoc") problems.push(`${describe(el)} has srcdoc`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      // As a browser reads a scheme: control characters and whitespace dropped, case folded.
      const compact = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
      const dataImage = el.tagName === "IMG" && /^data:image\/(png|gif|jpeg|webp);/.test(compact);
      if (/^(javascript|vbscript|data|livescript):/.test(compact) && !dataImage) {
        problems.push(`${describe(el)} ${name}="${attribute.value}"`);
      }
      if (/^[/\\]{2}/.test(compact)) problems.push(`${describe(el)} ${name}="${attribute.value}" leaves the site`);
    }
  }
  for (const el of Array.from(document.querySelectorAll("object, embed, base, meta[http-equiv], iframe[srcdoc]"))) {
    problems.push(`an unexpected ${describe(el)}`);
  }
  const jsonLd: string[] = [];
  for (const script of Array.from(document.scripts)) {
    if (script.type === "application/ld+json") {
      jsonLd.push(script.textContent ?? "");
      continue;
    }
    const src = script.getAttribute("src");
    const url = src ? new URL(src, location.href) : null;
    if (!url || url.origin !== location.origin || !url.pathname.startsWith("/assets/")) {
      problems.push(`a script that is not one of our assets: ${src ?? (script.textContent ?? "").slice(0, 80)}`);
    }
  }
  return {
    problems,
    violations: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    // What a reader sees (innerText skips hidden text and scripts), not every text node.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    text: document.body?.innerText ?? "",
    title: document.title,
    jsonLd,
  };
}

/** The audit of one frame. */
export async function auditFrame(frame: Frame): Promise<FrameAudit> {
  return frame.evaluate(auditInPage);
}

/** Audits the main frame and every child frame; the main frame's text and title are returned. */
export async function auditPage(page: Page): Promise<FrameAudit> {
  const main = await auditFrame(page.mainFrame());
  for (const frame of page.frames()) {
    // A frame not yet loaded (a lazy iframe below the fold) has no document to audit, and evaluating in it waits
    // for one forever; our frames are http(s) documents.
    if (frame === page.mainFrame() || !/^https?:/.test(frame.url())) continue;
    const child = await auditFrame(frame);
    main.problems.push(...child.problems.map((p) => `in frame ${frame.url()}: ${p}`));
    main.violations.push(...child.violations.map((v) => `in frame ${frame.url()}: ${v}`));
  }
  return main;
}
