/**
 * A string-only JSX runtime for the browser bundles: the same HTML as hono/jsx's `toString()` for the markup the
 * Worker and the browser share (intrinsic elements, function components, fragments, `raw()` strings), in a
 * fraction of its size. hono/jsx also carries streaming, async components, contexts and a DOM renderer the
 * browser never uses here; a calculator's bundle must fit an embed's 30 KB budget.
 *
 * Rendering is eager: `jsx()` returns the escaped HTML at once (a `String` marked `isEscaped`, as hono's `raw()`
 * makes it), so a component runs where it appears. Equal output is checked by a unit test that renders every
 * calculator's shared views through both runtimes (test/unit/calculators/string-jsx.test.ts).
 */

type Html = string & { isEscaped: true };

// hono/jsx's lists (src/jsx/base.ts, src/jsx/utils.ts), so attributes and void tags come out alike.
const VOID_TAGS = new Set("area base br col embed hr img input keygen link meta param source track wbr".split(" "));
const BOOLEAN_ATTRIBUTES = new Set(
  (
    "allowfullscreen async autofocus autoplay checked controls default defer disabled download formnovalidate " +
    "hidden inert ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly required " +
    "reversed selected shadowrootclonable shadowrootdelegatesfocus shadowrootserializable"
  ).split(" "),
);
const RENAMED: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  crossOrigin: "crossorigin",
  httpEquiv: "http-equiv",
  itemProp: "itemprop",
  fetchPriority: "fetchpriority",
  noModule: "nomodule",
  formAction: "formaction",
};
const INVALID_NAME = /[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;
const ESCAPES: Record<string, string> = { '"': "&quot;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => ESCAPES[c] as string);
}

function html(text: string): Html {
  const out = new String(text) as unknown as Html & { isEscaped: boolean };
  out.isEscaped = true;
  return out;
}

function isEscaped(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { isEscaped?: unknown }).isEscaped === true;
}

function children(value: unknown): string {
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (Array.isArray(value)) return value.map(children).join("");
  if (isEscaped(value)) return String(value);
  return escapeHtml(String(value));
}

function attribute(key: string, value: unknown): string {
  if (key === "ref" || value === null || value === undefined) return "";
  if (typeof value === "boolean" && BOOLEAN_ATTRIBUTES.has(key)) return value ? ` ${key}=""` : "";
  if (typeof value === "function") return "";
  if (key === "style" && typeof value === "object")
    throw new Error("string JSX: style objects are not used in shared markup");
  if (typeof value === "number" || isEscaped(value)) return ` ${key}="${value}"`;
  return ` ${key}="${escapeHtml(String(value))}"`;
}

/** The automatic runtime's element factory (also `jsxs`). */
export function jsx(tag: string | ((props: Record<string, unknown>) => unknown), props: Record<string, unknown>): Html {
  if (typeof tag === "function") return html(children(tag(props)));
  let out = `<${tag}`;
  let inner: string = children(props.children);
  for (const [name, value] of Object.entries(props)) {
    const key = RENAMED[name] ?? name;
    if (key === "children" || key.length === 0 || INVALID_NAME.test(key)) continue;
    if (key === "dangerouslySetInnerHTML" && typeof value === "object" && value !== null && "__html" in value) {
      inner = String((value as { __html: unknown }).__html);
    } else out += attribute(key, value);
  }
  const empty = props.children === undefined || (Array.isArray(props.children) && props.children.length === 0);
  if (VOID_TAGS.has(tag) && empty) return html(`${out}/>`);
  return html(`${out}>${inner}</${tag}>`);
}

export const jsxs = jsx;

/** `<>…</>`. */
export function Fragment(props: { children?: unknown }): Html {
  return html(children(props.children));
}
