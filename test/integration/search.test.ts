// Search through the Worker (workerd), over the real content seeded by setup.ts.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SEARCH_FACETS } from "../../src/search/model";
import type { SearchResponse } from "../../src/search/schemas";
import { KEYS_CHUNK_BITS } from "../../src/search/statement";
import { get, getJson, withIdsFrom, writeVariant } from "./helpers";

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

async function search(params: string): Promise<SearchResponse> {
  const { res, body } = await getJson<SearchResponse>(`/api/v1/search?${params}`);
  expect(res.status, `${params}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body;
}

async function slugs(params: string): Promise<string[]> {
  return (await search(params)).hits.map((h) => h.slug);
}

/** Where the draft and retracted variants go: far from the seeded ids, so facet counts add up over several rows. */
const VARIANT_IDS_FROM = 2000;

/**
 * A draft and a retracted record about doulas (upserts: the tests of a file share storage, so adding twice is
 * harmless), at ids from VARIANT_IDS_FROM.
 */
async function addDraftAndRetracted(): Promise<void> {
  await withIdsFrom(VARIANT_IDS_FROM, async () => {
    await writeVariant("doula-care-medicaid-birth-outcomes", (r) => ({
      ...r,
      slug: "doula-draft-variant",
      title: "Draft: doula benefit variant",
      status: "draft",
    }));
    await writeVariant("doula-care-medicaid-birth-outcomes", (r) => ({
      ...r,
      slug: "doula-retracted-variant",
      title: "Retracted: doula benefit variant",
      status: "retracted",
    }));
  });
}

describe("relevance: realistic questions put the right records in the top three", () => {
  const cases: [string, string[]][] = [
    [
      "acupuncture back pain",
      [
        "medicare-ncd-acupuncture-chronic-low-back-pain",
        "gerac-acupuncture-low-back-pain-trial",
        "acupuncture-chronic-pain-ipd-meta-analysis",
      ],
    ],
    ["c-section doula", ["doula-care-medicaid-birth-outcomes", "doula-care-cost-effectiveness-model"]],
    ["caesarean doula", ["doula-care-medicaid-birth-outcomes", "doula-care-cost-effectiveness-model"]],
    [
      "opioid medicaid",
      ["oregon-medicaid-back-pain-benefit", "oregon-medicaid-back-pain-benefit-community-health-centers"],
    ],
    [
      "opiates medicaid",
      ["oregon-medicaid-back-pain-benefit", "oregon-medicaid-back-pain-benefit-community-health-centers"],
    ],
    ["readmission", ["medicare-advantage-acupuncture-nutrition-pilot"]],
    ["readmissions", ["medicare-advantage-acupuncture-nutrition-pilot"]],
    ["maternity bundle", ["hospital-maternity-bundle-integrative"]],
    [
      "diabetes prevention medicare",
      ["medicare-dpp-expanded-model-evaluation", "medicare-dpp-ymca-model-test-evaluation"],
    ],
    ["DPP", ["medicare-dpp-expanded-model-evaluation", "medicare-dpp-ymca-model-test-evaluation"]],
    [
      "social impact bond",
      ["social-impact-bonds-ncd-scoping-review", "social-impact-bond-crowdfunded-sliding-scale-clinic"],
    ],
    ["pay for success", ["social-impact-bonds-ncd-scoping-review"]],
    ["MBSR back pain", ["mbsr-cbt-chronic-low-back-pain-rct", "mbsr-cbt-low-back-pain-cost-effectiveness"]],
    ["mindfulness LBP", ["mbsr-cbt-chronic-low-back-pain-rct", "mbsr-cbt-low-back-pain-cost-effectiveness"]],
    ["VA whole health", ["va-whole-health-opioid-use", "va-whole-health-flagship-evaluation"]],
    ["veterans opioids", ["va-whole-health-opioid-use"]],
    ["fresh food farmacy", ["geisinger-fresh-food-farmacy-rct", "geisinger-fresh-food-farmacy-program-report"]],
    ["HbA1c food", ["geisinger-fresh-food-farmacy-rct"]],
    [
      "ornish",
      ["lifestyle-heart-trial", "highmark-ornish-program", "medicare-ornish-intensive-cardiac-rehab-coverage"],
    ],
    ["cardiac rehab coverage", ["medicare-ornish-intensive-cardiac-rehab-coverage"]],
    ["group visits", ["integrative-medical-group-visits-rct"]],
    ["centering pregnancy", ["centeringpregnancy-south-carolina-medicaid"]],
    ["minnesota doula", ["minnesota-medicaid-doula-benefit"]],
    ["membership clinic", ["rural-cooperative-membership-clinic"]],
    ["does covering acupuncture for back pain save money?", ["payer-pilot-acupuncture-low-back-pain"]],
    ["acupunct", ["acupuncture-chronic-pain-ipd-meta-analysis"]],
  ];

  it.each(cases)("%j", async (q, expected) => {
    const top = (await slugs(`q=${encodeURIComponent(q)}&limit=3`)).slice(0, 3);
    for (const slug of expected) expect(top, `${q} → ${top.join(", ")}`).toContain(slug);
  });

  it("puts the stronger grade first among near-equal scores", async () => {
    const hits = (await search("q=acupuncture%20back%20pain&limit=4")).hits;
    expect(hits[0]?.slug).toBe("acupuncture-chronic-pain-ipd-meta-analysis");
    expect(hits[0]?.evidence_grade).toBe("A");
  });

  it("finds a stemmed form and says how the query was understood", async () => {
    const body = await search(`q=${encodeURIComponent("C-section doulas -yoga")}`);
    // The last thing typed is the exclusion, so "doulas" is a whole word, not a prefix.
    expect(body.query.normalized).toBe("-yoga c section doulas");
    expect(body.query.expansions[0]?.alternatives).toContain("cesarean");
    expect(body.query.fts).toContain('"cesarean"');
    expect(body.total).toBeGreaterThan(0);
  });

  it("returns results for OR and excludes -words", async () => {
    const either = await slugs("q=ornish%20OR%20farmacy&limit=50");
    expect(either).toContain("lifestyle-heart-trial");
    expect(either).toContain("geisinger-fresh-food-farmacy-rct");
    const all = await slugs("q=acupuncture%20&limit=50");
    const both = await slugs("q=acupuncture%20medicare%20&limit=50");
    const without = await slugs("q=acupuncture%20-medicare&limit=50");
    expect(without.length).toBeGreaterThan(0);
    expect(both.length).toBeGreaterThan(0);
    expect(new Set(without)).toEqual(new Set(all.filter((slug) => !both.includes(slug))));
  });

  it("treats exclusions alone as everything but", async () => {
    const all = await search("limit=50");
    const but = await search("q=-acupuncture&limit=50");
    expect(but.total).toBeGreaterThan(0);
    expect(but.total).toBeLessThan(all.total);
    expect(but.hits.map((h) => h.slug)).not.toContain("gerac-acupuncture-low-back-pain-trial");
  });
});

describe("facets", () => {
  const searches = [
    "",
    "q=acupuncture",
    "q=medicaid&condition=perinatal",
    "payer_type=medicaid",
    "payer_type=medicaid&payer_type=medicare&modality=acupuncture",
    "condition=low_back_pain&min_grade=C&has_cost_figures=true",
    "year_from=2010&year_to=2020",
    "q=pain&design=rct&design=meta_analysis&country=US",
    "q=-acupuncture&provenance=reported",
    "status=published&status=draft&status=retracted",
    "status=draft",
  ];

  it.each(searches)(
    "every count equals the hits of choosing that value instead (%j)",
    async (params) => {
      await addDraftAndRetracted();
      const body = await search(params);
      const base = new URLSearchParams(params);
      let checked = 0;
      for (const facet of SEARCH_FACETS) {
        for (const { value, count } of body.facets[facet]) {
          const next = new URLSearchParams(base);
          const key = facet === "grade" ? "min_grade" : facet;
          next.delete(key);
          next.set(key, value);
          const applied = await search(`${next.toString()}&limit=1`);
          expect(applied.total, `${params} + ${key}=${value}`).toBe(count);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    },
    60_000,
  );

  it("are counted over records whose ids lie far apart (the facet keys come back in one row per range of ids)", async () => {
    await addDraftAndRetracted();
    const ids = await env.DB.prepare(
      "SELECT max(id) AS seeded, (SELECT min(id) FROM case_studies WHERE slug LIKE 'doula-%-variant') AS variants FROM case_studies WHERE origin = 'content'",
    ).first<{ seeded: number; variants: number }>();
    // Other tests of the file write records too (after the first placeholder, new ids continue from there).
    expect(ids?.variants).toBeGreaterThanOrEqual(VARIANT_IDS_FROM);
    expect((ids?.seeded ?? 0) >> KEYS_CHUNK_BITS).toBe(0); // every seeded record is in the first range of ids
    expect(VARIANT_IDS_FROM >> KEYS_CHUNK_BITS).toBeGreaterThan(0);
    const all = await search("status=published&status=draft&status=retracted&q=doula");
    const status = Object.fromEntries(all.facets.status.map((f) => [f.value, f.count]));
    expect(status.draft).toBe(1);
    expect(status.retracted).toBe(1);
    expect(status.published).toBe((await search("q=doula")).total);
  });

  it("reports the total with each filter dropped", async () => {
    const body = await search("payer_type=medicaid&condition=low_back_pain&year_from=2000");
    expect(body.without.payer_type).toBe((await search("condition=low_back_pain&year_from=2000")).total);
    expect(body.without.condition).toBe((await search("payer_type=medicaid&year_from=2000")).total);
    expect(body.without.year).toBe((await search("payer_type=medicaid&condition=low_back_pain")).total);
  });

  it("answers the plain browse from the precomputed counts without reading every row", async () => {
    // no-cache: the search itself runs (with the data version read in the same round trip), not a cached answer.
    const res = await get("/api/v1/search", { headers: { "cache-control": "no-cache" } });
    const body = (await res.json()) as SearchResponse;
    const records = await env.DB.prepare("SELECT count(*) AS n FROM case_studies").first<{ n: number }>();
    const facetRows = await env.DB.prepare("SELECT count(*) AS n FROM case_study_facets").first<{ n: number }>();
    const rowsRead = Number(res.headers.get("x-d1-rows-read"));
    expect(res.headers.get("x-search-cache")).toBe("bypass");
    expect(res.headers.get("x-d1-queries")).toBe("2");
    expect(res.headers.get("x-d1-round-trips")).toBe("1");
    expect(rowsRead).toBeGreaterThan(0);
    expect(rowsRead).toBeLessThan((records?.n ?? 0) + (facetRows?.n ?? 0));
    // And the precomputed answer is the same as the computed one (the status filter spelled out forces computing).
    const computed = await search("status=published&status=published");
    expect(computed.total).toBe(body.total);
  });

  it("keeps the precomputed counts fresh through the write path", async () => {
    const before = await search("");
    await writeVariant("gerac-acupuncture-low-back-pain-trial", (r) => ({
      ...r,
      slug: "gerac-copy",
      title: "GERAC copy",
    }));
    const after = await search("");
    expect(after.total).toBe(before.total + 1);
    const acupuncture = (b: SearchResponse) => b.facets.modality.find((v) => v.value === "acupuncture")?.count ?? 0;
    expect(acupuncture(after)).toBe(acupuncture(before) + 1);
  });
});

describe("statuses", () => {
  it("leaves drafts and retracted records out unless asked, and counts them in the status facet", async () => {
    await addDraftAndRetracted();
    const plain = await slugs("q=doula&limit=50");
    expect(plain).not.toContain("doula-draft-variant");
    expect(plain).not.toContain("doula-retracted-variant");
    const browse = await search("limit=50");
    expect(browse.hits.map((h) => h.slug)).not.toContain("doula-draft-variant");
    expect(browse.facets.status.find((v) => v.value === "draft")?.count).toBe(1);
    expect(browse.facets.status.find((v) => v.value === "retracted")?.count).toBe(1);
    expect(await slugs("q=doula&status=draft")).toEqual(["doula-draft-variant"]);
    const both = await slugs("q=doula&status=retracted&status=published&limit=50");
    expect(both).toContain("doula-retracted-variant");
    expect(both).not.toContain("doula-draft-variant");
  });
});

describe("sorting", () => {
  it("sorts by relevance with words and by strongest evidence without", async () => {
    expect((await search("q=doula")).sort).toBe("relevance");
    const browse = await search("limit=50");
    expect(browse.sort).toBe("strongest");
    const ranks = browse.hits.map((h) => "ABCDE".indexOf(h.evidence_grade));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("sorts by newest evidence, records without a year last", async () => {
    const body = await search("sort=newest&limit=50");
    const years = body.hits.map((h) => h.evidence_year ?? -1);
    const known = years.filter((y) => y >= 0);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(years.slice(known.length).every((y) => y === -1)).toBe(true);
  });

  it("sorts by largest effect on a metric: most improvement first, records without it last", async () => {
    const body = await search("sort=effect&effect_metric=c_section_rate&limit=50");
    const scores = body.hits.map((h) => h.effect?.score ?? null);
    const known = scores.filter((s): s is number => s !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(scores.slice(known.length).every((s) => s === null)).toBe(true);
    expect(body.hits[0]?.key_figures[0]?.metric).toBe("c_section_rate");
  });

  it("uses the one chosen metric filter for sort=effect and rejects sort=effect without a metric", async () => {
    const body = await search("sort=effect&metric=roi_ratio");
    expect(body.effect_metric).toBe("roi_ratio");
    expect(body.hits.every((h) => h.effect?.scale === "amount")).toBe(true);
    const { res, body: problem } = await getJson<Problem>("/api/v1/search?sort=effect");
    expect(res.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual(["sort"]);
  });

  it("treats sort=relevance without words as the default", async () => {
    expect((await search("sort=relevance")).sort).toBe("strongest");
  });
});

describe("pagination", () => {
  const orders = [
    "",
    "sort=newest",
    "q=pain",
    "q=medicaid&sort=newest",
    "q=care&sort=strongest",
    "sort=effect&effect_metric=opioid_fills",
    "payer_type=medicaid&sort=effect&effect_metric=total_cost_of_care",
  ];

  it.each(orders)(
    "walks every page of 2 once, never repeating or skipping (%j)",
    async (params) => {
      const all = await search(`${params}&limit=50`);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: SearchResponse = await search(`${params}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.total).toBe(all.total);
        seen.push(...page.hits.map((h) => h.slug));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 100);
      expect(seen).toEqual(all.hits.map((h) => h.slug));
      expect(new Set(seen).size).toBe(all.total);
    },
    30_000,
  );

  it("links the next page", async () => {
    const body = await search("q=pain&limit=2");
    expect(body.next).toMatch(/^https:\/\/example\.test\/api\/v1\/search\?q=pain&limit=2&cursor=/);
  });

  it("rejects a cursor it did not make, or one made for another sort", async () => {
    const first = await search("q=pain&limit=2");
    for (const cursor of ["garbage", "WyJ4Il0", first.next_cursor ?? ""]) {
      const { res, body } = await getJson<Problem>(`/api/v1/search?sort=newest&q=pain&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(body.errors?.[0]?.path).toBe("cursor");
    }
  });
});

describe("snippets", () => {
  it("highlights matched words and escapes stored text", async () => {
    await writeVariant("gerac-acupuncture-low-back-pain-trial", (r) => ({
      ...r,
      slug: "snippet-escape-check",
      title: "Snippet escaping check record",
      body: `Zyxwvut appears here <script>alert("x")</script> and <img src=x onerror=alert(1)> near zyxwvut & more.`,
    }));
    const body = await search("q=zyxwvut");
    const hit = body.hits.find((h) => h.slug === "snippet-escape-check");
    expect(hit?.snippet).toContain("<mark>");
    expect(hit?.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(hit?.snippet).toContain("&lt;");
    const page = await (await get("/search?q=zyxwvut")).text();
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("<mark>");
  });

  it("cannot be made to inject markup through the query", async () => {
    const body = await search(`q=${encodeURIComponent('<mark>acupuncture</mark> "><script>')}`);
    for (const hit of body.hits) expect(hit.snippet ?? "").not.toMatch(/<(?!\/?mark>)/);
    const page = await (await get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(page).not.toContain("<script>alert(1)");
  });
});

describe("API errors and documentation", () => {
  it("answers bad filters with 400 problem+json naming each bad field", async () => {
    const res = await get("/api/v1/search?condition=bogus&limit=500&min_grade=Z&year_from=1800&colour=red");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as Problem;
    const paths = body.errors?.map((e) => e.path) ?? [];
    for (const path of ["condition[0]", "limit", "min_grade", "year_from", "colour"]) expect(paths).toContain(path);
  });

  it("rejects an inverted year range and a repeated scalar", async () => {
    expect((await get("/api/v1/search?year_from=2020&year_to=2010")).status).toBe(400);
    expect((await get("/api/v1/search?limit=2&limit=3")).status).toBe(400);
  });

  it("accepts any q, repeated q and empty parameters", async () => {
    for (const q of ['"', "(", "NEAR", "*", ":", "^", "😀", "-", "OR", "AND NOT", "x".repeat(2000), "\u0000"]) {
      const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await get("/api/v1/search?q=a&q=doula&year_from=&sort=")).status).toBe(200);
  });

  it("has a health check that runs one D1 query", async () => {
    const res = await get("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("x-d1-queries")).toBe("1");
  });

  it("describes search and health in the OpenAPI document", async () => {
    const { body } = await getJson<{ paths: Record<string, { get?: { parameters: { name: string }[] } }> }>(
      "/openapi.json",
    );
    const params = body.paths["/api/v1/search"]?.get?.parameters.map((p) => p.name) ?? [];
    for (const name of ["q", "condition", "payer_type", "min_grade", "year_from", "sort", "limit", "cursor"]) {
      expect(params).toContain(name);
    }
    expect(body.paths["/api/v1/health"]?.get).toBeDefined();
  });
});

describe("the /search page", () => {
  it("renders results, a GET form with the filter sidebar, and marks illustrative and reported records", async () => {
    const res = await get("/search?q=acupuncture");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form id="search-form"[^>]*method="get"[^>]*action="\/search"/);
    expect(html).toContain('name="condition"');
    expect(html).toContain('form="search-form"');
    expect(html).toContain("<mark>");
    expect(html).toContain("Illustrative figures with no identifiable source");
    expect(html).toContain("Reported figures, not checked");
    expect(html).not.toMatch(/<script(?![^>]*type="module" src=)/);
  });

  it("shows active filters as chips that link to the same search without them", async () => {
    const html = await (await get("/search?q=pain&condition=low_back_pain&payer_type=medicaid&min_grade=C")).text();
    expect(html).toContain('href="/search?q=pain&amp;payer_type=medicaid&amp;min_grade=C"');
    expect(html).toContain('href="/search?q=pain&amp;condition=low_back_pain&amp;min_grade=C"');
    expect(html).toContain('href="/search?q=pain&amp;condition=low_back_pain&amp;payer_type=medicaid"');
    expect(html).toContain("Clear all filters");
  });

  it("says clearly when nothing matched and which filter to drop", async () => {
    const html = await (await get("/search?q=doula&condition=low_back_pain")).text();
    expect(html).toContain("Nothing matched");
    expect(html).toMatch(/Drop “Condition: Low back pain”/);
    expect(html).toContain('href="/search?q=doula"');
    const nothing = await (await get("/search?q=zzzqqqxxx")).text();
    expect(nothing).toContain("No record contains all of these words");
  });

  it("shows a readable page, never a 500, for invalid parameters", async () => {
    const res = await get("/search?q=doula&condition=bogus&limit=500&sort=effect&cursor=nope&year_from=abc&colour=1");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Some of the request was ignored");
    expect(html).toContain("condition[0]");
    expect(html).toContain("doula");
  });

  it("pages with plain links", async () => {
    const html = await (await get("/search?limit=2")).text();
    const next = /href="(\/search\?limit=2&amp;cursor=[^"]+)"/.exec(html)?.[1];
    expect(next).toBeDefined();
    const second = await get((next as string).replace(/&amp;/g, "&"));
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("First page");
  });
});
