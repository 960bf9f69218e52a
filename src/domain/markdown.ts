/**
 * Markdown → safe HTML. `marked` passes raw HTML, `javascript:` links and event handlers straight through, so we
 * sanitise by construction: raw HTML is escaped as text, and link/image URLs are kept only when their scheme is
 * http(s) or mailto, or when they are site-relative. Everything else marked emits is escaped by marked itself.
 */
import { Marked, type Tokens } from "marked";
import { escapeHtml } from "./html";

// A site-relative path starts with one slash: browsers read "//host" and "/\host" alike as another site.
const SAFE_URL = /^(https?:|mailto:|\/(?![/\\])|#)/i;

/** True when a URL may appear in an href/src on our pages. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so strip them first.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return SAFE_URL.test(compact);
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!isSafeUrl(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      const external = /^https?:/i.test(token.href) ? ' rel="noopener noreferrer"' : "";
      return `<a href="${escapeHtml(token.href)}"${title}${external}>${text}</a>`;
    },
    image(token: Tokens.Image) {
      if (!isSafeUrl(token.href)) return escapeHtml(token.text);
      // The CSP loads images from this site only (img-src 'self'), so an image elsewhere becomes a link to it.
      if (/^(https?:|mailto:)/i.test(token.href)) {
        return `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${escapeHtml(token.text || token.href)}</a>`;
      }
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title} loading="lazy">`;
    },
  },
});

/** Renders Markdown to HTML that is safe to place in a page without further escaping. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false }) as string;
}

/** Markdown reduced to plain words, for the full-text index and snippets. */
export function markdownToText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<[^>]*>/g, " ")
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e] ?? "",
    )
    .replace(/\s+/g, " ")
    .trim();
}
