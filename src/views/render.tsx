/**
 * Rendering markup that the Worker and the browser bundle share: a render context passed down to every component
 * (never a global), links that go through it, and hono/jsx rendered to a string (escape by default).
 */
import type { Child } from "hono/jsx";
import type { HtmlEscapedString } from "hono/utils/html";

/** Where and how shared markup is shown: on this site's own pages, or (later) inside an embed frame elsewhere. */
export interface RenderContext {
  /** Prefix of every link to this site: "" on the site's own pages, the site's origin inside an embed frame. */
  base: string;
  /** Where links to this site open: the same tab, or a new one (`_blank`, with rel="noopener") when embedded. */
  target?: "_blank";
  /** True inside an embed frame, for markup that differs there. */
  embedded: boolean;
}

/** The context of this site's own pages. */
export const siteContext: RenderContext = { base: "", embedded: false };

/** The address of a page of this site (`path` starts with "/"), as seen from where the markup is shown. */
export function siteHref(ctx: RenderContext, path: string): string {
  return `${ctx.base}${path}`;
}

/** A link to a page of this site, through the render context (address and target). */
export function SiteLink({ ctx, path, children }: { ctx: RenderContext; path: string; children?: Child }) {
  return ctx.target ? (
    <a href={siteHref(ctx, path)} target={ctx.target} rel="noopener">
      {children}
    </a>
  ) : (
    <a href={siteHref(ctx, path)}>{children}</a>
  );
}

/** Renders a synchronous hono/jsx tree to its HTML; shared markup never uses async components. */
export function renderToString(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (node instanceof Promise) throw new Error("renderToString: shared markup must not contain async components");
  return node.toString();
}
