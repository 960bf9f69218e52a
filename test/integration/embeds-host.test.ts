// The host side of embeds: oEmbed for every embeddable address, the discovery link and the "Embed" panel on every
// calculator and case-study page (a GET form that regenerates the snippets), and /embed.js as a static file.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { EMBED_LOADER_HEADERS, EMBED_LOADER_PATH } from "../../scripts/lib/static-assets";
import { calculatorIds } from "../../src/calculators";
import { get } from "./helpers";

const ORIGIN = "https://example.test";

type OEmbed = {
  type: string;
  version: string;
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
};
type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

async function slugs(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT slug FROM case_studies ORDER BY slug").all<{ slug: string }>();
  return results.map((r) => r.slug);
}

function oembed(url: string, extra = ""): Promise<Response> {
  return get(`/oembed?url=${encodeURIComponent(url)}&format=json${extra}`);
}

/** The iframe's src and size from an oEmbed html (a plain iframe, nothing else). */
function frameOf(html: string): { src: string; width: string; height: string } {
  const match = /^<iframe src="([^"]+)" title="[^"]+" width="(\d+)" height="(\d+)" loading="lazy"><\/iframe>$/.exec(
    html,
  );
  if (!match) throw new Error(`not a plain iframe: ${html}`);
  return { src: (match[1] as string).replaceAll("&amp;", "&"), width: match[2] as string, height: match[3] as string };
}

/** The href of the oEmbed discovery link of a page. */
function discovery(html: string): string | null {
  const match = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="[^"]+"\/>/.exec(html);
  return match ? (match[1] as string).replaceAll("&amp;", "&") : null;
}

describe("GET /oembed", () => {
  it("answers every calculator page and its /embed/ address with a rich iframe of the embed", async () => {
    for (const id of calculatorIds) {
      for (const url of [`${ORIGIN}/calculators/${id}`, `${ORIGIN}/embed/calculators/${id}`]) {
        const res = await oembed(url);
        expect(res.status, url).toBe(200);
        const body = (await res.json()) as OEmbed;
        expect(body.type).toBe("rich");
        expect(body.version).toBe("1.0");
        expect(body.provider_url).toBe(`${ORIGIN}/`);
        expect(body.provider_name).toBeTruthy();
        expect(body.title.length).toBeGreaterThan(0);
        const frame = frameOf(body.html);
        expect(frame.src).toBe(`${ORIGIN}/embed/calculators/${id}`);
        expect([frame.width, frame.height]).toEqual([String(body.width), String(body.height)]);
      }
    }
  });

  it("answers every case-study page and its /embed/ address, titled by the record", async () => {
    const all = await slugs();
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const slug of all) {
      const title = (await env.DB.prepare("SELECT title FROM case_studies WHERE slug = ?1")
        .bind(slug)
        .first<string>("title")) as string;
      for (const url of [`${ORIGIN}/case-studies/${slug}`, `${ORIGIN}/embed/case-studies/${slug}`]) {
        const res = await oembed(url);
        expect(res.status, url).toBe(200);
        const body = (await res.json()) as OEmbed;
        expect(body.title).toBe(title);
        expect(frameOf(body.html).src).toBe(`${ORIGIN}/embed/case-studies/${slug}`);
      }
    }
  });

  it("keeps a calculator page's inputs and the panel's options in the frame's address", async () => {
    const res = await oembed(
      `${ORIGIN}/calculators/program-roi?participants=5000&embed_theme=dark&embed_lock=participants`,
    );
    expect(res.status).toBe(200);
    const src = new URL(frameOf(((await res.json()) as OEmbed).html).src);
    expect(src.pathname).toBe("/embed/calculators/program-roi");
    expect(Object.fromEntries(src.searchParams)).toEqual({ participants: "5000", theme: "dark", lock: "participants" });
  });

  it("honours maxwidth and maxheight, and never grows past its defaults", async () => {
    const url = `${ORIGIN}/calculators/program-roi`;
    const full = (await (await oembed(url)).json()) as OEmbed;
    const small = (await (await oembed(url, "&maxwidth=400&maxheight=300")).json()) as OEmbed;
    expect([small.width, small.height]).toEqual([400, 300]);
    expect(frameOf(small.html)).toMatchObject({ width: "400", height: "300" });
    const large = (await (await oembed(url, "&maxwidth=5000&maxheight=5000")).json()) as OEmbed;
    expect([large.width, large.height]).toEqual([full.width, full.height]);
    const narrow = (await (
      await oembed(`${ORIGIN}/case-studies/${(await slugs())[0]}`, "&maxwidth=320")
    ).json()) as OEmbed;
    expect(narrow.width).toBe(320);
  });

  it("is a 404 problem for another origin, an unknown calculator or case study, and a page that is not embeddable", async () => {
    for (const url of [
      "https://elsewhere.example/calculators/program-roi",
      `${ORIGIN}/calculators/no-such-calculator`,
      `${ORIGIN}/embed/calculators/no-such-calculator`,
      `${ORIGIN}/case-studies/no-such-record`,
      `${ORIGIN}/embed/case-studies/no-such-record`,
      `${ORIGIN}/search?q=acupuncture`,
      `${ORIGIN}/calculators`,
      `${ORIGIN}/`,
      `${ORIGIN}/api/v1/case-studies`,
    ]) {
      const res = await oembed(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const body = (await res.json()) as Problem;
      expect(body.errors?.map((e) => e.path)).toEqual(["url"]);
    }
  });

  it("is a 501 problem for format=xml and a 400 naming the field for a missing url or a bad size", async () => {
    const xml = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/calculators/program-roi`)}&format=xml`);
    expect(xml.status).toBe(501);
    expect(xml.headers.get("content-type")).toContain("application/problem+json");
    const missing = await get("/oembed?format=json");
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Problem).errors?.map((e) => e.path)).toEqual(["url"]);
    const bad = await oembed(`${ORIGIN}/calculators/program-roi`, "&maxwidth=wide");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.path)).toEqual(["maxwidth"]);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await get("/openapi.json")).json()) as { paths: Record<string, { get?: unknown }> };
    expect(doc.paths["/oembed"]?.get).toBeTruthy();
  });
});

describe("discovery links and the Embed panel", () => {
  it("every calculator page, case-study page and embed page names its oEmbed answer, and that answer works", async () => {
    const pages = [
      ...calculatorIds.map((id) => `/calculators/${id}`),
      ...(await slugs()).map((s) => `/case-studies/${s}`),
    ];
    for (const path of [...pages, ...pages.map((page) => `/embed${page}`)]) {
      const html = await (await get(path)).text();
      const href = discovery(html);
      expect(href, path).toBe(`${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}${path}`)}&format=json`);
      // The panel is on the site's pages, not inside the frames.
      if (!path.startsWith("/embed/")) expect(html, path).toContain('id="embed"');
      const res = await get((href as string).slice(ORIGIN.length));
      expect(res.status, path).toBe(200);
    }
  });

  it("a calculator page's panel holds both snippets for its current inputs", async () => {
    const html = await (await get("/calculators/program-roi?participants=5000")).text();
    expect(html).toContain("data-roi-embed=&quot;calculators/program-roi&quot;");
    expect(html).toContain("data-inputs=&#39;{&quot;participants&quot;:5000}&#39;");
    expect(html).toContain(`&lt;script async src=&quot;${ORIGIN}/embed.js&quot;&gt;&lt;/script&gt;`);
    expect(html).toContain(`&lt;iframe src=&quot;${ORIGIN}/embed/calculators/program-roi?participants=5000&quot;`);
    expect(html).toContain("height=&quot;640&quot;");
    // The live preview frames the same embed.
    expect(html).toMatch(
      /<iframe class="embed-preview" id="embed-preview" src="[^"]+\/embed\/calculators\/program-roi\?participants=5000"/,
    );
  });

  it("the panel's GET form regenerates the snippets: theme, accent, compact and locked inputs, the inputs kept", async () => {
    const res = await get(
      "/calculators/program-roi?participants=5000&embed_theme=dark&embed_accent=%230055AA&embed_compact=1&embed_lock=participants",
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      "/embed/calculators/program-roi?participants=5000&amp;amp;lock=participants&amp;amp;theme=dark&amp;amp;accent=%230055aa&amp;amp;compact=1",
    );
    expect(html).toContain(
      "data-lock=&quot;participants&quot; data-theme=&quot;dark&quot; data-accent=&quot;#0055aa&quot; data-compact=&quot;1&quot;",
    );
    expect(html).toMatch(/<details class="embed-panel no-print" id="embed" open="">/);
    expect(html).toMatch(/<option value="dark" selected="">Dark<\/option>/);
    expect(html).toContain('<input type="hidden" name="participants" value="5000"/>');
  });

  it("a bad panel option is named in plain words and left out; an input edit keeps the panel's options", async () => {
    const html = await (await get("/calculators/program-roi?embed_theme=neon&embed_accent=red")).text();
    expect(html).toContain("The colours are light, dark or the reader&#39;s setting");
    expect(html).toContain("The accent colour &quot;red&quot; is not a colour like #0055aa");
    expect(html).not.toContain("theme=neon");
    // A query that is not the canonical one is redirected to it, with the panel's options kept and the panel in view.
    const res = await get("/calculators/program-roi?embed_theme=dark&unknown=1&participants=5000", {
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/calculators/program-roi?participants=5000&embed_theme=dark#embed");
  });

  it("a case-study page's panel embeds its evidence card, with a 480 pixel plain frame", async () => {
    const slug = (await slugs())[0] as string;
    const html = await (await get(`/case-studies/${slug}?embed_theme=light`)).text();
    expect(html).toContain(`data-roi-embed=&quot;case-studies/${slug}&quot;`);
    expect(html).toContain(`&lt;iframe src=&quot;${ORIGIN}/embed/case-studies/${slug}?theme=light&quot;`);
    expect(html).toContain("height=&quot;480&quot;");
    expect(html).not.toContain("embed-lock");
  });
});

describe("/embed.js", () => {
  it("is a static file at its stable address, cached briefly, with the security headers", async () => {
    const res = await env.ASSETS.fetch(`${ORIGIN}${EMBED_LOADER_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    for (const [name, value] of Object.entries(EMBED_LOADER_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await res.text();
    expect(text).toContain("roi-embed:height");
    // A classic script: no module syntax, so any host's plain <script> tag runs it.
    expect(text).not.toMatch(/\bexport\b|\bimport\b/);
  });
});
