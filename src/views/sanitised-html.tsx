/**
 * The one way Markdown-rendered HTML enters a page. Everything else on a page is escaped by hono/jsx; this markup
 * comes from renderMarkdown (src/domain/markdown.ts), which sanitises it when content is built or written, so it is
 * placed as it is. Never pass it anything else.
 */
import { raw } from "hono/html";

export function SanitisedHtml(props: { html: string; class?: string }) {
  return <div class={props.class}>{raw(props.html)}</div>;
}
