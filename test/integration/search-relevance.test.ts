// Search relevance through the Worker (workerd), over the real content seeded by setup.ts: realistic questions find
// the right records, the query is understood as typed, and snippets highlight without letting markup through.
import { describe, expect, it } from "vitest";
import { get, writeVariant } from "./helpers";
import { caseHits, search, slugs } from "./search-helpers";

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
    ["diabetes prevention medicare", ["medicare-dpp-expanded-model-evaluation", "medicare-dpp-uptake-after-coverage"]],
    ["DPP", ["medicare-dpp-expanded-model-evaluation", "ymca-dpp-commercial-insurer-benefit-42-states"]],
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
    const body = await search("q=acupuncture%20back%20pain&limit=4");
    expect(body.hits[0]?.slug).toBe("acupuncture-chronic-pain-ipd-meta-analysis");
    expect(caseHits(body)[0]?.evidence_grade).toBe("A");
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
