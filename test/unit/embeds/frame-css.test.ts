/**
 * The embed frames' stylesheet (scripts/lib/frame-css.ts): the site's rules reduced to what frame markup can use.
 * The pruner on small cases, then the built file against every rendered frame: a class a frame carries that the
 * site's stylesheet styles must be styled in the frame's stylesheet too.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pruneCss, splitRules, wordsOf } from "../../../scripts/lib/css-prune";
import { renderEmbedPages } from "../../../scripts/lib/embed-pages";
import { ASSETS_DIR } from "../../../scripts/lib/static-assets";
import { embedCss } from "../../../src/embeds/styles";
import { assetPaths } from "../../../src/generated/assets";
import { siteCss } from "../../../src/views/styles";

const root = resolve(import.meta.dirname, "../../..");

describe("pruneCss", () => {
  const css = `/* a comment with .dotted words */
.kept{a:1}.gone{b:2}
.kept .gone,.alone{c:3}
.grade-A{d:4}
p:not(.nowhere){e:5}
input[type="text"].kept{f:6}
@media(min-width:1rem){.gone{g:7}}
@media print{.kept{h:8}.gone{i:9}}
@font-face{font-family:x}`;
  const out = pruneCss(css, wordsOf('class="kept alone"', "`grade-${grade}`"));

  it("keeps a rule when any selector of its list may match, and drops the rest", () => {
    expect(out).toContain(".kept{a:1}");
    expect(out).not.toContain(".gone{b:2}");
    expect(out).toContain(".kept .gone,.alone{c:3}");
  });

  it("keeps classes built from a prefix, :not() and attribute selectors", () => {
    expect(out).toContain(".grade-A{d:4}");
    expect(out).toContain("p:not(.nowhere){e:5}");
    expect(out).toContain('input[type="text"].kept{f:6}');
  });

  it("prunes inside @media, drops an emptied block, keeps other at-rules, drops comments", () => {
    expect(out).not.toContain("min-width:1rem");
    expect(out).toContain("@media print{.kept{h:8}}");
    expect(out).toContain("@font-face{font-family:x}");
    expect(out).not.toContain("comment");
  });

  it("refuses unbalanced braces", () => {
    expect(() => splitRules(".a{")).toThrow(/unclosed/);
    expect(() => splitRules(".a{}}")).toThrow(/unmatched/);
  });
});

describe("the built frame stylesheet", () => {
  let frameCss = "";
  let pages: { path: string; html: string }[] = [];
  beforeAll(async () => {
    frameCss = readFileSync(join(root, ASSETS_DIR, assetPaths["embed.css"]), "utf8");
    pages = await renderEmbedPages();
  });

  /** Class names that appear as a simple `.name` selector somewhere in a stylesheet. */
  const styled = (css: string) =>
    new Set([...css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/\.(-?[A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]));

  it("is smaller than the site's stylesheet and ends with the frame's own rules", () => {
    expect(frameCss.length).toBeLessThan(siteCss.length);
    expect(frameCss.endsWith(embedCss)).toBe(true);
  });

  it("styles every class a frame carries that the site's stylesheet styles", () => {
    const site = styled(siteCss);
    const frame = styled(frameCss);
    const classes = new Set<string>();
    for (const { html } of pages) {
      for (const [, list] of html.matchAll(/\sclass="([^"]*)"/g))
        for (const c of (list as string).split(/\s+/)) classes.add(c);
    }
    expect(classes.size).toBeGreaterThan(40);
    const missing = [...classes].filter((c) => c && site.has(c) && !frame.has(c));
    expect(missing).toEqual([]);
  });

  it("leaves out what no frame shows (site navigation, search, the gap map)", () => {
    for (const name of ["search-layout", "gap-map", "search-filters"]) {
      expect(styled(siteCss).has(name), name).toBe(true);
      expect(styled(frameCss).has(name), name).toBe(false);
    }
  });
});
