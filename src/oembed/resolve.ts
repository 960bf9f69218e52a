/**
 * Which of our addresses oEmbed can embed, read from the URL a CMS was given: a calculator page or a case-study page
 * (the panel's options in its query become the frame's), or an /embed/ address itself (kept as it is). Pure: whether
 * the calculator or the case study exists is the route's question.
 */
import { type EmbedTarget, embedUrl, PANEL_PARAM_PREFIX, panelOptions } from "../domain/embed-snippet";

/** An embeddable address: what it shows and the frame's address. */
export interface Candidate {
  target: EmbedTarget;
  /** The embed page to frame, absolute. */
  src: string;
}

const PAGE = /^\/(embed\/)?(calculators|case-studies)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/** The candidate for `raw` on this site (`origin`), or null when it is not one of our embeddable addresses. */
export function resolveEmbeddable(raw: string, origin: string): Candidate | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const match = PAGE.exec(url.pathname);
  if (!match) return null;
  const [, embed, kind, name = ""] = match;
  const target: EmbedTarget =
    kind === "calculators" ? { kind: "calculator", id: name } : { kind: "case-study", slug: name };
  if (embed) return { target, src: `${origin}${url.pathname.replace(/\/$/, "")}${url.search}` };
  // A page's query: the calculator's inputs, and the "Embed" panel's options (`embed_theme` …).
  const inputs = [...url.searchParams].filter(([param]) => !param.startsWith(PANEL_PARAM_PREFIX));
  // Any named input may be locked; the embed page says which names it does not know.
  const lockable = url.searchParams.getAll(`${PANEL_PARAM_PREFIX}lock`).flatMap((value) => value.split(","));
  const { options } = panelOptions(url.searchParams, lockable);
  return { target, src: embedUrl(origin, target, target.kind === "calculator" ? inputs : [], options) };
}
