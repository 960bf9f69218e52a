/**
 * The two snippets a host pastes to embed a calculator or an evidence card, built once for the "Embed" panel (server
 * and browser) and for oEmbed: the loader snippet (a `<div data-roi-embed>` and our /embed.js, which sizes the frame
 * to its content) and the plain iframe (a fixed height; for hosts that strip scripts, it then scrolls inside itself).
 * Pure: no I/O, no Hono.
 */
import {
  buildEmbedUrl,
  DEFAULT_EMBED_THEME,
  EMBED_THEMES,
  type EmbedTarget,
  type EmbedTheme,
  embedTargetPath,
  isEmbedAccent,
} from "./embed-url";
import { escapeHtml } from "./html";

export type { EmbedTarget, EmbedTheme };

/** How the frame looks; a field left out is the embed page's default (and is left out of the snippet). */
export interface EmbedOptions {
  theme?: EmbedTheme;
  /** `#rgb` or `#rrggbb`. */
  accent?: string;
  compact?: boolean;
  /** Calculator inputs shown read-only, by their form names. */
  lock?: readonly string[];
}

/** The plain iframe's fixed heights: the whole calculator, or the evidence card, fits most frames without scrolling. */
export const PLAIN_FRAME_HEIGHT: Record<EmbedTarget["kind"], number> = { calculator: 640, "case-study": 480 };

/** The full page of a target on this site, for the link readers follow out of a frame or where scripts do not run. */
export function targetPagePath(target: EmbedTarget): string {
  return `/${embedTargetPath(target)}`;
}

/** The absolute URL of the embed page (`origin` has no trailing slash), through the one embed-URL builder. */
export function embedUrl(
  origin: string,
  target: EmbedTarget,
  inputs: readonly [string, string][],
  options: EmbedOptions,
): string {
  return buildEmbedUrl({ target, inputs: Object.fromEntries(inputs), ...options }, origin);
}

/** The frame's accessible name on the host page. */
export function embedFrameTitle(target: EmbedTarget, title: string): string {
  return `${target.kind === "calculator" ? "Calculator" : "Evidence card"}: ${title}`;
}

/** The plain iframe: works where scripts are stripped; a fixed height, and the frame scrolls inside itself. */
export function iframeSnippet(src: string, title: string, height: number, width: number | "100%" = "100%"): string {
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy"></iframe>`;
}

/** Numbers stay numbers in data-inputs, so the snippet reads like the inputs it sets. */
function inputsJson(inputs: readonly [string, string][]): string {
  const out: Record<string, string | number | string[]> = {};
  for (const [name, value] of inputs) {
    const typed = value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
    const seen = out[name];
    if (seen === undefined) out[name] = typed;
    else out[name] = [...(Array.isArray(seen) ? seen : [String(seen)]), value];
  }
  return JSON.stringify(out);
}

/** The loader snippet: the element our /embed.js turns into a frame sized to its content, and the script. */
export function loaderSnippet(
  origin: string,
  target: EmbedTarget,
  title: string,
  inputs: readonly [string, string][],
  options: EmbedOptions,
): string {
  const attributes = [`data-roi-embed="${escapeHtml(embedTargetPath(target))}"`];
  // Single quotes around JSON, as people write it by hand: only &, ' and < need escaping inside.
  if (inputs.length) {
    const json = inputsJson(inputs).replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/</g, "&lt;");
    attributes.push(`data-inputs='${json}'`);
  }
  if (options.lock?.length) attributes.push(`data-lock="${escapeHtml(options.lock.join(","))}"`);
  if (options.theme && options.theme !== DEFAULT_EMBED_THEME) attributes.push(`data-theme="${options.theme}"`);
  if (options.accent) attributes.push(`data-accent="${escapeHtml(options.accent)}"`);
  if (options.compact) attributes.push(`data-compact="1"`);
  attributes.push(`data-title="${escapeHtml(embedFrameTitle(target, title))}"`);
  // The link is what readers see where the script does not run.
  const fallback = `<a href="${escapeHtml(`${origin}${targetPagePath(target)}`)}">${escapeHtml(title)}</a>`;
  return `<div ${attributes.join(" ")}>${fallback}</div>\n<script async src="${escapeHtml(origin)}/embed.js"></script>`;
}

/** The embed options as the "Embed" panel's GET form sends them (`embed_theme`, `embed_lock` …). */
export const PANEL_PARAM_PREFIX = "embed_";

/** The panel's options read from a page's query; a value that is not valid is left out and named in `notes`. */
export function panelOptions(
  params: URLSearchParams,
  lockable: readonly string[],
): { options: EmbedOptions; notes: string[] } {
  const options: EmbedOptions = {};
  const notes: string[] = [];
  const theme = params.get(`${PANEL_PARAM_PREFIX}theme`) ?? "";
  if ((EMBED_THEMES as readonly string[]).includes(theme)) {
    if (theme !== DEFAULT_EMBED_THEME) options.theme = theme as EmbedTheme;
  } else if (theme) notes.push("The colours are light, dark or the reader's setting; the reader's setting is used.");
  const accent = (params.get(`${PANEL_PARAM_PREFIX}accent`) ?? "").trim();
  if (isEmbedAccent(accent)) options.accent = accent.toLowerCase();
  else if (accent) notes.push(`The accent colour "${accent}" is not a colour like #0055aa; the default is used.`);
  if (params.get(`${PANEL_PARAM_PREFIX}compact`) === "1") options.compact = true;
  const lock = params
    .getAll(`${PANEL_PARAM_PREFIX}lock`)
    .flatMap((value) => value.split(","))
    .filter((name) => lockable.includes(name));
  if (lock.length) options.lock = [...new Set(lock)];
  return { options, notes };
}

/** True when the query holds any of the panel's own parameters (the panel then opens where it was). */
export function hasPanelParams(params: URLSearchParams): boolean {
  return [...params.keys()].some((name) => name.startsWith(PANEL_PARAM_PREFIX));
}
