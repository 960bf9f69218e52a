/** The calculator API through fetch: list, describe, compute, and every kind of bad request. */
import { describe, expect, it } from "vitest";
import { type CalculatorId, calculatorIds, runCalculator } from "../../src/calculators";
import { get, getJson } from "./helpers";

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

function post(
  id: string,
  body: string | undefined,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return get(`/api/v1/calculators/${id}`, { method: "POST", body, headers });
}

async function postJson(id: string, value: unknown) {
  const res = await post(id, JSON.stringify(value));
  return { res, body: (await res.json()) as Record<string, unknown> };
}

async function problem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  expect(body.detail.length).toBeGreaterThan(10);
  return body;
}

const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path).sort();

describe("GET /api/v1/calculators", () => {
  it("lists the six calculators with summaries and links", async () => {
    const { res, body } = await getJson<{ items: { id: string; title: string; summary: string; url: string }[] }>(
      "/api/v1/calculators",
    );
    expect(res.status).toBe(200);
    expect(body.items.map((i) => i.id)).toEqual(calculatorIds);
    for (const item of body.items) {
      expect(item.title.length).toBeGreaterThan(3);
      expect(item.summary.length).toBeGreaterThan(30);
      expect(item.url).toBe(`https://example.test/api/v1/calculators/${item.id}`);
    }
  });
});

describe("GET /api/v1/calculators/{id}", () => {
  it.each(calculatorIds)("%s: input schema, defaults with references, a working example request", async (id) => {
    const { res, body } = await getJson<{
      id: string;
      input_schema: { type: string; properties: Record<string, unknown> };
      defaults: Record<string, { value: unknown; reference: { kind: string; slug?: string }; reference_url?: string }>;
      example_request: unknown;
    }>(`/api/v1/calculators/${id}`);
    expect(res.status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.input_schema.type).toBe("object");
    expect(Object.keys(body.input_schema.properties).length).toBeGreaterThan(3);
    expect(Object.keys(body.defaults).length).toBeGreaterThan(3);
    expect(body.example_request).toEqual({});
    for (const [path, entry] of Object.entries(body.defaults)) {
      expect(["case_study", "reference_param", "reference_figure", "assumption"], path).toContain(entry.reference.kind);
      if (entry.reference.kind === "case_study") {
        expect(entry.reference_url).toBe(`https://example.test/case-studies/${entry.reference.slug}`);
      } else if (entry.reference.kind === "reference_figure") {
        expect(entry.reference_url).toBe(`https://example.test/api/v1/reference-figures/${entry.reference.slug}`);
      } else {
        expect(entry.reference_url).toBeUndefined();
      }
    }
  });

  it("every case-study reference points to a page that exists", async () => {
    const urls = new Set<string>();
    for (const id of calculatorIds) {
      const { body } = await getJson<{ defaults: Record<string, { reference_url?: string }> }>(
        `/api/v1/calculators/${id}`,
      );
      for (const entry of Object.values(body.defaults)) if (entry.reference_url) urls.add(entry.reference_url);
    }
    expect(urls.size).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const res = await get(new URL(url).pathname);
      expect(res.status, url).toBe(200);
    }
  });

  it("an unknown calculator is a 404 problem", async () => {
    const p = await problem(await get("/api/v1/calculators/roi-of-nothing"), 404);
    expect(p.detail).toContain("program-roi");
  });
});

describe("POST /api/v1/calculators/{id}", () => {
  it.each(calculatorIds)("%s: {} uses the defaults and returns the contract's shape", async (id) => {
    const { res, body } = await postJson(id, {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(Object.keys(body).sort()).toEqual(["calculator", "inputs", "outputs", "steps", "warnings"]);
    expect(body.calculator).toBe(id);
    expect(Object.keys(body.outputs as object).length).toBeGreaterThan(3);
    expect((body.steps as string[]).length).toBeGreaterThan(2);
  });

  it("hsa-tax-savings: an FSA with family coverage is a 200 that ignores the coverage and says so", async () => {
    const { res, body } = await postJson("hsa-tax-savings", { account: "fsa", coverage: "family", tax_year: 2026 });
    expect(res.status).toBe(200);
    const self = await postJson("hsa-tax-savings", { account: "fsa", tax_year: 2026 });
    expect(body.outputs).toEqual(self.body.outputs);
    const warnings = body.warnings as { code: string; message: string; fields?: string[] }[];
    expect(warnings.filter((w) => w.code === "coverage_ignored")).toEqual([
      { code: "coverage_ignored", message: expect.stringContaining("ignored"), fields: ["coverage"] },
    ]);
    expect((self.body.warnings as { code: string }[]).map((w) => w.code)).not.toContain("coverage_ignored");
  });

  it("a worked example through the API equals runCalculator in-process, unrounded", async () => {
    const input = {
      participants: 2500,
      cost_per_participant: 320,
      savings_lines: [
        { label: "ED visits", baseline_events_per_participant: 0.4, cost_per_event: 1200, reduction_pct: 15 },
        { label: "Imaging", baseline_events_per_participant: 0.2, cost_per_event: 900, reduction_pct: 25 },
      ],
      years: 5,
      discount_rate_pct: 3.5,
      effect_decay_pct_per_year: 10,
      uncertainty: { iterations: 5000, seed: 42 },
    };
    const { res, body } = await postJson("program-roi", input);
    expect(res.status).toBe(200);
    const local = runCalculator("program-roi", input);
    if (!local.ok) throw new Error("example should be valid");
    expect(body).toEqual(JSON.parse(JSON.stringify(local.result)));
    expect((body.outputs as { npv: number }).npv).toBe(local.result.outputs.npv);
  });

  it("an empty body is {}", async () => {
    const res = await post("patient-cost-compare", "");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { inputs: { visits_per_year: number } };
    expect(body.inputs.visits_per_year).toBe(12);
  });

  it("wrong types and out-of-range values: 400 naming every bad field by path", async () => {
    const p = await problem(
      await post(
        "program-roi",
        JSON.stringify({
          participants: "many",
          years: 11,
          discount_rate_pct: -1,
          savings_lines: [{ label: "", baseline_events_per_participant: 1, cost_per_event: 1, reduction_pct: 101 }],
          uncertainty: { iterations: 5 },
        }),
      ),
      400,
    );
    expect(paths(p)).toEqual(
      [
        "discount_rate_pct",
        "participants",
        "savings_lines[0].label",
        "savings_lines[0].reduction_pct",
        "uncertainty.iterations",
        "years",
      ].sort(),
    );
    expect(p.detail).toContain("6 invalid fields");
  });

  it("NaN is not JSON: the raw text is a 400 invalid-JSON problem", async () => {
    const p = await problem(await post("program-roi", '{"participants": NaN}'), 400);
    expect(p.detail).toMatch(/not valid JSON/);
    expect(paths(p)).toEqual([""]);
  });

  it("1e999 parses to Infinity and is refused by path", async () => {
    const p = await problem(await post("program-roi", '{"participants": 1e999, "cost_per_participant": -1e999}'), 400);
    expect(paths(p)).toEqual(["cost_per_participant", "participants"]);
  });

  it("unknown fields are named, top level and nested", async () => {
    const p = await problem(
      await post("patient-cost-compare", JSON.stringify({ visitz: 3, insurance: { copay: 10, deductable: 5 } })),
      400,
    );
    expect(paths(p)).toEqual(["insurance.deductable", "visitz"]);
  });

  it("21 savings lines are too many", async () => {
    const line = { label: "x", baseline_events_per_participant: 1, cost_per_event: 1, reduction_pct: 1 };
    const p = await problem(await post("program-roi", JSON.stringify({ savings_lines: Array(21).fill(line) })), 400);
    expect(paths(p)).toEqual(["savings_lines"]);
  });

  it("a body that is not an object, invalid JSON, a wrong content type", async () => {
    expect(paths(await problem(await post("program-roi", "[1,2]"), 400))).toEqual([""]);
    expect(paths(await problem(await post("program-roi", "null"), 400))).toEqual([""]);
    await problem(await post("program-roi", '{"participants": 10'), 400);
    await problem(
      await post("program-roi", "participants=10", { "content-type": "application/x-www-form-urlencoded" }),
      415,
    );
  });

  it("a body over 64 KiB is a 413, without being parsed", async () => {
    const body = JSON.stringify({ participants: 10, padding: "x".repeat(70 * 1024) });
    await problem(await post("program-roi", body), 413);
  });

  it("a share column that does not sum to 100 is named", async () => {
    const p = await problem(
      await post(
        "membership-clinic",
        JSON.stringify({ tiers: [{ label: "A", monthly_fee: 50, members_start: 0, share_of_new_members_pct: 90 }] }),
      ),
      400,
    );
    expect(paths(p)).toEqual(["tiers.share_of_new_members_pct"]);
  });

  it("an unknown calculator is a 404 problem even with a good body", async () => {
    await problem(await post("nope", "{}"), 404);
  });

  it("never a 500 for any of a batch of hostile bodies", async () => {
    const bodies = [
      "",
      "{}",
      "[]",
      '"text"',
      "1",
      "true",
      '{"savings_lines": {"0": 1}}',
      '{"savings_lines": [null]}',
      '{"uncertainty": []}',
      `{"participants": ${"[".repeat(5000)}${"]".repeat(5000)}}`,
      '{"__proto__": {"participants": 1}}',
      '{"constructor": 1}',
      '{"tax_year": "2027"}',
    ];
    for (const id of ["program-roi", "hsa-tax-savings"] as CalculatorId[]) {
      for (const body of bodies) {
        const res = await post(id, body);
        expect([200, 400], `${id} ${body.slice(0, 40)}`).toContain(res.status);
        await res.arrayBuffer();
      }
    }
  });
});

describe("OpenAPI", () => {
  it("documents the list, and each calculator's GET and POST with its own request schema", async () => {
    const { body } = await getJson<{
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
      >;
    }>("/openapi.json");
    expect(body.paths["/api/v1/calculators"]?.get).toBeDefined();
    for (const id of calculatorIds) {
      const path = body.paths[`/api/v1/calculators/${id}`];
      expect(path?.get, id).toBeDefined();
      const schema = path?.post?.requestBody?.content["application/json"]?.schema;
      expect(Object.keys(schema?.properties ?? {}).length, id).toBeGreaterThan(3);
    }
    const roi = body.paths["/api/v1/calculators/program-roi"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(roi?.properties ?? {})).toContain("savings_lines");
  });
});
