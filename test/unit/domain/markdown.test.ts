import { describe, expect, it } from "vitest";
import { isSafeUrl, markdownToText, renderMarkdown } from "../../../src/domain/markdown";

describe("markdown rendering is sanitised", () => {
  it("renders ordinary markdown", () => {
    expect(renderMarkdown("Some **bold** and [a link](https://example.org).")).toBe(
      '<p>Some <strong>bold</strong> and <a href="https://example.org" rel="noopener noreferrer">a link</a>.</p>\n',
    );
  });

  it("escapes raw HTML blocks and inline tags", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> more');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript:, data: and vbscript: links but keeps their text", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
    ]) {
      const html = renderMarkdown(`[click](${href})`);
      expect(html).not.toContain("href");
      expect(html).toContain("click");
    }
  });

  it("drops unsafe image sources", () => {
    expect(renderMarkdown("![x](javascript:alert(1))")).not.toContain("<img");
  });

  it("keeps site-relative links and escapes attribute quotes", () => {
    expect(renderMarkdown('[rel](/case-studies/x "a\\"b")')).toContain('href="/case-studies/x"');
    expect(isSafeUrl("//evil.example")).toBe(false);
  });

  it("drops a backslash path, which browsers read as another site (/\\evil.example = //evil.example)", () => {
    expect(isSafeUrl("/\\evil.example/x")).toBe(false);
    expect(renderMarkdown("[x](/\\evil.example/x)")).not.toContain("href");
  });

  it("links to an image on another site instead of loading it (the CSP allows images from this site only)", () => {
    expect(renderMarkdown('![a chart](https://example.org/c.png "t")')).toBe(
      '<p><a href="https://example.org/c.png" rel="noopener noreferrer">a chart</a></p>\n',
    );
    expect(renderMarkdown("![a chart](/assets/c.png)")).toContain('<img src="/assets/c.png"');
  });

  it("reduces markdown to plain words for the index", () => {
    expect(markdownToText("# Title\n\nSome *words* & <b>tags</b>")).toBe("Title Some words & <b>tags</b>");
  });
});
