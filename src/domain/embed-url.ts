/**
 * The address of an embed frame, and the options it takes. PURE and shared: the embed pages read these options,
 * the embed builder and oEmbed write them, and the frame's height message is named here once, so the frame script
 * (src/client/embed-frame.ts) and the host loader (/embed.js) cannot drift apart.
 *
 * An embed URL is `/embed/<target>?<inputs>&lock=a,b&theme=dark&accent=%23aa3300&compact=1`. Inputs use the same
 * names as the calculator page's GET form (`participants`, `savings_lines[0].reduction_pct`); options are left out
 * when they hold their default, so one state has one address.
 */

/** The `type` of the message the frame posts to its parent with its content height (CSS px, may be fractional). */
export const EMBED_HEIGHT_MESSAGE = "roi-embed:height";

/** The message the frame posts: `{ type: "roi-embed:height", height }`. */
export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT_MESSAGE;
  height: number;
}

/** Colour schemes of a frame: fixed light, fixed dark, or the reader's own preference (`auto`, the default). */
export const EMBED_THEMES = ["light", "dark", "auto"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const DEFAULT_EMBED_THEME: EmbedTheme = "auto";

/** Query names the frame reads itself; every other name is a calculator input. */
export const EMBED_OPTION_NAMES = ["lock", "theme", "accent", "compact"] as const;

/** An accent colour: `#rgb` or `#rrggbb`, nothing else (no names, no functions, no alpha). */
const ACCENT = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** What a frame shows: one calculator by id, or one case study by slug. */
export type EmbedTarget = { kind: "calculator"; id: string } | { kind: "case-study"; slug: string };

/** Everything an embed address holds. Every option may be left out (its default). */
export interface EmbedUrlOptions {
  target: EmbedTarget;
  /** Calculator inputs by their GET-form names; ignored for a case study. */
  inputs?: Readonly<Record<string, string | number | boolean>>;
  /** Input names shown read-only (their values are those in `inputs`, or the defaults). */
  lock?: readonly string[];
  theme?: EmbedTheme;
  /** `#rgb` or `#rrggbb`; anything else is left out. */
  accent?: string;
  compact?: boolean;
}

/** The path of a target: `calculators/program-roi` or `case-studies/<slug>` (what `data-roi-embed` holds). */
export function embedTargetPath(target: EmbedTarget): string {
  return target.kind === "calculator"
    ? `calculators/${encodeURIComponent(target.id)}`
    : `case-studies/${encodeURIComponent(target.slug)}`;
}

/** Reads `calculators/<id>` or `case-studies/<slug>` (with or without a leading `/embed/`), or null. */
export function parseEmbedTarget(path: string): EmbedTarget | null {
  const match = /^(?:\/?embed\/)?\/?(calculators|case-studies)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(path);
  if (!match) return null;
  return match[1] === "calculators"
    ? { kind: "calculator", id: match[2] as string }
    : { kind: "case-study", slug: match[2] as string };
}

/** True when `value` is an accent colour the frame accepts. */
export function isEmbedAccent(value: string): boolean {
  return ACCENT.test(value);
}

/**
 * The embed address for `options`: `<origin>/embed/<target>?…` (`origin` "" gives a path). Inputs keep their order;
 * options at their default and invalid accents are left out; lock names are comma-joined, in order, without
 * duplicates (the frame ignores, with a note, a name that is not one of its inputs).
 */
export function buildEmbedUrl(options: EmbedUrlOptions, origin = ""): string {
  const params = new URLSearchParams();
  if (options.target.kind === "calculator") {
    for (const [name, value] of Object.entries(options.inputs ?? {})) {
      if ((EMBED_OPTION_NAMES as readonly string[]).includes(name)) continue;
      params.append(name, String(value));
    }
    const lock = [...new Set((options.lock ?? []).map((name) => name.trim()).filter(Boolean))];
    if (lock.length) params.set("lock", lock.join(","));
  }
  if (options.theme && options.theme !== DEFAULT_EMBED_THEME) params.set("theme", options.theme);
  if (options.accent && isEmbedAccent(options.accent)) params.set("accent", options.accent.toLowerCase());
  if (options.compact) params.set("compact", "1");
  const query = params.toString();
  return `${origin}/embed/${embedTargetPath(options.target)}${query ? `?${query}` : ""}`;
}

/** A note about an option that was not valid and fell back to its default, in words for the frame. */
export interface EmbedNote {
  option: string;
  message: string;
}

/** The frame's own options as read from its query, with a note for each that fell back to its default. */
export interface EmbedOptions {
  theme: EmbedTheme;
  /** Lower-case `#rgb`/`#rrggbb`, or null (the site's own accent). */
  accent: string | null;
  compact: boolean;
  /** Names as written in `lock=` (the page checks them against the calculator's inputs). */
  lock: string[];
  notes: EmbedNote[];
}

/** Reads theme, accent, compact and lock from a frame's query; an invalid one falls back with a note, never throws. */
export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
  const notes: EmbedNote[] = [];
  const themeText = params.get("theme");
  let theme = DEFAULT_EMBED_THEME;
  if (themeText !== null) {
    if ((EMBED_THEMES as readonly string[]).includes(themeText)) theme = themeText as EmbedTheme;
    else
      notes.push({
        option: "theme",
        message: "The colour scheme asked for is not one of light, dark or auto, so it follows the reader's setting.",
      });
  }
  const accentText = params.get("accent");
  let accent: string | null = null;
  if (accentText !== null && accentText !== "") {
    if (isEmbedAccent(accentText)) accent = accentText.toLowerCase();
    else
      notes.push({
        option: "accent",
        message: "The accent colour asked for is not a colour like #1a6b52, so the usual colour is used.",
      });
  }
  const compactText = params.get("compact");
  let compact = false;
  if (compactText !== null) {
    if (compactText === "1" || compactText === "true") compact = true;
    else if (compactText !== "0" && compactText !== "false")
      notes.push({
        option: "compact",
        message: "The compact setting asked for is not 1 or 0, so the full layout is shown.",
      });
  }
  const lock = [
    ...new Set(
      params
        .getAll("lock")
        .flatMap((text) => text.split(","))
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  return { theme, accent, compact, lock, notes };
}
