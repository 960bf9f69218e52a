/** The embed frames (/embed/…): every calculator and case study, option fallbacks, locks, retraction, 404, headers. */
import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { calculatorIds } from "../../src/calculators";
import { get, getJson, writeVariant } from "./helpers";
import worker from "./worker-entry";

async function page(path: string): Promise<{ res: Response; html: string }> {
  const res = await get(path);
  return { res, html: await res.text() };
}

async function allSlugs(): Promise<string[]> {
  const slugs: string[] = [];
  for (let p = 1; ; p++) {
    const { body } = await getJson<{ items: { slug: string }[]; pages: number }>(
      `/api/v1/case-studies?limit=50&page=${p}`,
    );
    slugs.push(...body.items.map((i) => i.slug));
    if (p >= body.pages) return slugs;
  }
}

/** What every frame must be: frameable by the configured origins, no cookie, no site navigation, nothing off-site. */
function expectFrame(res: Response, html: string): void {
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors *");
  expect(res.headers.get("x-frame-options")).toBeNull();
  expect(res.headers.get("set-cookie")).toBeNull();
  expect(html).not.toContain('nav class="main"');
  expect(html).not.toMatch(/\sstyle=/);
  expect(html).not.toMatch(/<style/);
  // Scripts and stylesheets only from this origin (the oEmbed discovery link, which loads nothing, is absolute for
  // CMSs); links to the site open a new tab.
  for (const [tag, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
    if (tag.includes('type="application/json+oembed"')) expect(src).toMatch(/^https:\/\/example\.test\/oembed\?/);
    else expect(src).toMatch(/^\//);
  }
  for (const [tag] of html.matchAll(/<a [^>]*href="https:\/\/example\.test[^>]*>/g)) {
    expect(tag).toContain('target="_blank"');
    expect(tag).toContain('rel="noopener"');
  }
}

describe("calculator frames", () => {
  it.each(calculatorIds)("%s renders the calculator page's engine and markup in a frame", async (id) => {
    const { res, html } = await page(`/embed/calculators/${id}`);
    expect(res.status).toBe(200);
    expectFrame(res, html);
    expect(html).toContain(`data-calculator="${id}"`);
    expect(html).toContain(`action="/embed/calculators/${id}"`);
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('class="figure');
    expect(html).toMatch(/<script type="module" src="\/assets\/embed-frame\.[0-9a-f]{10}\.js">/);
    expect(html).toContain('<details class="calc-more"');
  });

  it("prefills inputs from the address and computes with them", async () => {
    const a = await page("/embed/calculators/program-roi?participants=5000");
    const b = await page("/embed/calculators/program-roi");
    expect(a.html).toMatch(/id="f-participants"[^>]*value="5000"/);
    expect(a.html).not.toEqual(b.html);
  });

  it("locks inputs: read-only, value from the embed address, a second value ignored, rows fixed", async () => {
    const { html } = await page(
      "/embed/calculators/program-roi?participants=5000&participants=1&lock=participants,savings_lines",
    );
    expect(html).toMatch(/<input[^>]*id="f-participants"[^>]*readonly[^>]*>/);
    expect(html).toMatch(/id="f-participants"[^>]*value="5000"/);
    expect(html).not.toContain('name="_add" value="savings_lines"');
    expect(html).toContain('name="lock" value="participants,savings_lines"');
    // A row button on a locked group changes nothing.
    const add = await get("/embed/calculators/program-roi?lock=savings_lines&_add=savings_lines");
    expect(add.status).toBe(200);
  });

  it("a locked cell keeps its value and leaves the other cells of its rows editable", async () => {
    const { html } = await page(
      "/embed/calculators/program-roi?lock=savings_lines%5B0%5D.label&savings_lines%5B0%5D.label=Foo&savings_lines%5B0%5D.label=Bar&savings_lines%5B1%5D.reduction_pct=40",
    );
    expect(html).toMatch(/<input[^>]*id="f-savings_lines-0-label"[^>]*value="Foo"[^>]*readonly/);
    expect(html).toMatch(/id="f-savings_lines-1-reduction_pct"[^>]*value="40"/);
    expect(html).not.toMatch(/<input[^>]*id="f-savings_lines-1-reduction_pct"[^>]*readonly/);
  });

  it("a no-JS submit keeps the locked value: it travels first, in a hidden field; the read-only input has no name", async () => {
    const path = "/embed/calculators/program-roi";
    const { html } = await page(`${path}?lock=participants,uncertainty&participants=5000&uncertainty=on`);
    const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
    // What a GET submit sends: every named input and select of the form, in document order (no JS).
    const fields = [...form.matchAll(/<(input|select)\b[^>]*>/g)].map((m) => m[0]);
    const named = fields.filter((tag) => / name="/.test(tag) && !/ type="submit"/.test(tag));
    const pairs = named.map((tag): [string, string] => [
      / name="([^"]*)"/.exec(tag)?.[1] ?? "",
      / value="([^"]*)"/.exec(tag)?.[1] ?? "",
    ]);
    expect(pairs.filter(([name]) => name === "participants")).toEqual([["participants", "5000"]]);
    expect(pairs.filter(([name]) => name === "uncertainty")).toEqual([["uncertainty", "on"]]);
    expect(pairs.findIndex(([name]) => name === "participants")).toBeLessThan(
      pairs.findIndex(([name]) => name === "cost_per_participant"),
    );
    const visible = fields.find((tag) => tag.includes('id="f-participants"')) ?? "";
    expect(visible).toContain("readonly");
    expect(visible).not.toContain(" name=");
    expect(fields.find((tag) => tag.includes('id="f-uncertainty"'))).not.toContain(" name=");
    // A field edited or added further down the form (the reader's own tools) is a later value: the lock wins.
    const submitted: [string, string][] = [...pairs, ["participants", "9"], ["uncertainty", "off"]];
    const again = await page(`${path}?${new URLSearchParams(submitted)}`);
    const plain = await page(`${path}?${new URLSearchParams(pairs)}`);
    expect(again.html).toMatch(/id="f-participants"[^>]*value="5000"/);
    expect(again.html).toContain('<input type="hidden" name="uncertainty" value="on"/>');
    const figures = (text: string) => [...text.matchAll(/class="figure[^"]*"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(figures(again.html)).toEqual(figures(plain.html));
  });

  it("starts from a scenario named in the address; inputs in the address override it; the form keeps it", async () => {
    const scenario = "mbsr-chronic-low-back-pain-health-plan";
    const { res, html } = await page(`/embed/calculators/program-roi?scenario=${scenario}&years=3&lock=years`);
    expect(res.status).toBe(200);
    expectFrame(res, html);
    expect(html).toContain(`<input type="hidden" name="scenario" value="${scenario}"/>`);
    expect(html).toMatch(/value="982"/);
    expect(html).toContain("In the scenario:");
    expect(html).toMatch(/<input[^>]*id="f-years"[^>]*readonly[^>]*>/);
    expect(html).toMatch(/id="f-years"[^>]*value="3"/);
    expect(html).toContain(`Reset to the defaults`);
    expect(html).toMatch(
      new RegExp(`href="/embed/calculators/program-roi\\?years=3&amp;scenario=${scenario}&amp;lock=years"`),
    );
  });

  it("an unknown scenario falls back to the usual figures with a note", async () => {
    const plain = await page("/embed/calculators/program-roi");
    const { res, html } = await page("/embed/calculators/program-roi?scenario=no-such-scenario");
    expect(res.status).toBe(200);
    expect(html).toContain("no scenario by that name");
    expect(html).not.toContain('name="scenario"');
    const figures = (text: string) => [...text.matchAll(/class="figure[^"]*"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(figures(html)).toEqual(figures(plain.html));
  });

  it("locks a select as disabled with its value in a hidden field", async () => {
    const { html } = await page("/embed/calculators/shared-savings?two_sided=true&lock=two_sided");
    expect(html).toMatch(/<select[^>]*id="f-two_sided"[^>]*disabled/);
    expect(html).toContain('<input type="hidden" name="two_sided" value="true"/>');
  });

  it("falls back from every invalid option with a visible note, never an error page", async () => {
    const { res, html } = await page("/embed/calculators/program-roi?theme=neon&accent=red&compact=maybe&lock=nothing");
    expect(res.status).toBe(200);
    expect(html).toContain('class="theme-auto"');
    expect(html).toContain('class="embed-notes small" role="note"');
    for (const words of [
      "light, dark or auto",
      "not a colour like",
      "not 1 or 0",
      "do not exist in this calculator (nothing)",
    ]) {
      expect(html).toContain(words);
    }
    expect(html).not.toContain("/embed/accent.css");
  });

  it("applies theme, accent (a same-origin stylesheet) and compact", async () => {
    const { html } = await page("/embed/calculators/program-roi?theme=dark&accent=%23AA3300&compact=1");
    expect(html).toContain('class="theme-dark"');
    expect(html).toContain('class="embed compact"');
    expect(html).toContain('href="/embed/accent.css?c=aa3300"');
    expect(html).not.toContain("embed-notes");
    const css = await get("/embed/accent.css?c=aa3300");
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toMatch(/^:root\{--accent:#[0-9a-f]{6};--accent-ink:#[0-9a-f]{6}\}/);
    expect((await get("/embed/accent.css?c=red;}")).status).toBe(404);
  });

  it("an unknown calculator is a readable not-found card in the frame", async () => {
    const { res, html } = await page("/embed/calculators/no-such-thing");
    expect(res.status).toBe(404);
    expectFrame(res, html);
    expect(html).toContain("Calculator not found");
  });
});

describe("evidence cards", () => {
  it("every case study has a card: title, grade with its reason, figures, provenance, who paid, full record", async () => {
    const slugs = await allSlugs();
    expect(slugs.length).toBeGreaterThan(5);
    for (const slug of slugs) {
      const { body: record } = await getJson<{
        title: string;
        evidence_grade: string;
        evidence_grade_reason: string;
        payer_types: string[];
      }>(`/api/v1/case-studies/${slug}`);
      const { res, html } = await page(`/embed/case-studies/${slug}`);
      expect(res.status, slug).toBe(200);
      expectFrame(res, html);
      expect(html).toContain(`Evidence grade ${record.evidence_grade}.`);
      expect(html).toContain("Who paid");
      expect(html).toContain('class="tag prov-');
      expect(html).toContain(
        `href="https://example.test/case-studies/${slug}" target="_blank" rel="noopener">Full record`,
      );
    }
  });

  it("a retracted record shows as retracted in its card at once", async () => {
    const [slug] = await allSlugs();
    await writeVariant(slug as string, (r) => ({ ...r, status: "retracted" }));
    const { html } = await page(`/embed/case-studies/${slug}`);
    expect(html).toContain("Retracted: ");
    expect(html).toContain('class="banner retracted"');
    await writeVariant(slug as string, (r) => ({ ...r, status: "published" }));
    expect((await page(`/embed/case-studies/${slug}`)).html).not.toContain("banner retracted");
  });

  it("an unknown or malformed slug is a readable not-found card with status 404", async () => {
    for (const slug of ["no-such-record", "Not_A_Slug"]) {
      const { res, html } = await page(`/embed/case-studies/${slug}?theme=dark`);
      expect(res.status).toBe(404);
      expectFrame(res, html);
      expect(html).toContain("Case study not found");
      expect(html).toContain('class="theme-dark"');
    }
  });
});

describe("framing policy", () => {
  it("only /embed/ may be framed; every other page refuses frames", async () => {
    for (const path of ["/", "/calculators/program-roi", "/case-studies", "/api/v1/health"]) {
      const res = await get(path);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("takes frame-ancestors from EMBED_FRAME_ANCESTORS, origins only", async () => {
    const fetchWith = (value: string, path: string) =>
      worker.fetch(
        new Request(`https://example.test${path}`),
        { ...env, EMBED_FRAME_ANCESTORS: value },
        createExecutionContext(),
      );
    const csp = async (value: string) =>
      (await fetchWith(value, "/embed/calculators/program-roi")).headers.get("content-security-policy") ?? "";
    expect(await csp("https://a.example https://b.example:8443")).toContain(
      "frame-ancestors https://a.example https://b.example:8443",
    );
    // A value that is not an origin is dropped: it cannot add a directive.
    const injected = await csp("https://a.example; script-src https://evil.example");
    expect(injected.split("; ")).toHaveLength(10);
    expect(injected).toContain("script-src 'self';");
    expect(injected).not.toContain("a.example;");
    expect(await csp("nonsense;")).toContain("frame-ancestors 'none'");
    expect(await csp("")).toContain("frame-ancestors *");
    const other = await fetchWith("https://a.example", "/calculators/program-roi");
    expect(other.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(other.headers.get("x-frame-options")).toBe("DENY");
  });
});
