/**
 * Synthetic case studies (and, in proportion, reference figures and briefs) for the search benchmark: a seeded generator over the real vocabularies (enumerations,
 * labels, plausible pairings of modality, condition and outcome), and SQL that loads them into D1 fast.
 *
 * Every record is a valid contract record (a unit test checks a sample), but it is NOT evidence: its source says
 * so, its slug starts with "syn-", and it lives only in the benchmark's own temporary database.
 *
 * Loading 100k records through `wrangler d1 execute --file` is bounded by the size of the SQL text (wrangler reads
 * roughly 1.5 MB/s), so each record travels once, as a compact JSON tuple, and SQLite builds the rest: the record
 * JSON, the body (the summary plus three stock sentences picked by id), the facet rows and the outcome rows, with
 * exactly the values the real write path (src/records/write-path.ts) would store.
 */

import { inlineStatement } from "../../src/db/statements";
import type { Brief } from "../../src/domain/brief";
import type { CaseStudy, Outcome } from "../../src/domain/case-study";
import { evidenceYear, hasCostFigures } from "../../src/domain/derive";
import {
  careSettings,
  conditions,
  designs,
  financingModels,
  metrics,
  modalities,
  payerTypes,
} from "../../src/domain/enums";
import { gradeEvidence, gradeRank } from "../../src/domain/grading";
import type { ReferenceFigure } from "../../src/domain/reference-figure";
import { figureMeasures, figurePer } from "../../src/domain/reference-figure-labels";
import { briefUpsertStatement } from "../../src/records/briefs";
import { figureWriteStatements } from "../../src/records/reference-figures";
import { facetKeysStatement, rebuildCounterStatements } from "../../src/records/write-path";

/** mulberry32: small, fast and good enough to make the same records from the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Metric = CaseStudy["outcomes"][number]["metric"];
type Modality = CaseStudy["modalities"][number];
type Condition = CaseStudy["conditions"][number];

/** Which modalities go with which conditions, and what they are measured by: so "acupuncture back pain" is common. */
const THEMES: { conditions: Condition[]; modalities: Modality[]; metrics: Metric[]; weight: number }[] = [
  {
    conditions: ["low_back_pain", "chronic_pain"],
    modalities: ["acupuncture", "chiropractic", "physical_therapy", "yoga", "massage", "mindfulness", "cbt"],
    metrics: ["opioid_fills", "opioid_mme", "pain_score", "function_score", "advanced_imaging", "total_cost_of_care"],
    weight: 5,
  },
  {
    conditions: ["opioid_use", "chronic_pain"],
    modalities: ["acupuncture", "behavioral_health_integration", "cbt", "mindfulness"],
    metrics: ["opioid_fills", "opioid_mme", "ed_visits", "total_cost_of_care"],
    weight: 3,
  },
  {
    conditions: ["perinatal"],
    modalities: ["doula", "group_visits", "nutrition_counseling"],
    metrics: ["c_section_rate", "preterm_birth", "low_birthweight", "nicu_admissions", "cost_per_patient"],
    weight: 3,
  },
  {
    conditions: ["diabetes", "prediabetes", "obesity"],
    modalities: ["lifestyle_program", "nutrition_counseling", "produce_prescription", "medically_tailored_meals"],
    metrics: ["hba1c", "weight", "hospitalizations", "pharmacy_cost", "total_cost_of_care", "roi_ratio"],
    weight: 4,
  },
  {
    conditions: ["cardiovascular", "hypertension"],
    modalities: ["cardiac_rehabilitation", "lifestyle_program", "tai_chi", "health_coaching"],
    metrics: ["readmissions_30d", "hospitalizations", "blood_pressure", "total_cost_of_care"],
    weight: 3,
  },
  {
    conditions: ["depression_anxiety", "behavioral_health"],
    modalities: ["mindfulness", "cbt", "yoga", "behavioral_health_integration"],
    metrics: ["depression_score", "stress_score", "ed_visits", "productivity", "sick_days"],
    weight: 3,
  },
  {
    conditions: ["general_wellness"],
    modalities: ["health_coaching", "yoga", "massage", "group_visits", "other"],
    metrics: ["sick_days", "productivity", "preventive_screening", "savings_per_patient", "roi_ratio"],
    weight: 2,
  },
];

const REGIONS = ["Oregon", "Minnesota", "Texas", "rural Appalachia", "New York", "California", "Ohio", "Bavaria"];
const COUNTRIES = [
  ["US", 85],
  ["DE", 5],
  ["GB", 4],
  ["CA", 3],
  ["ZZ", 3],
] as const;

/** Stock sentences the loader appends to each summary to give bodies a realistic length and vocabulary. */
export const BODY_SENTENCES: readonly string[] = [
  "The programme was financed through a negotiated rate with the health plan and reviewed every year.",
  "Members were identified from claims and invited by their primary care clinic.",
  "Savings were estimated against a matched comparison group drawn from the same region.",
  "The evaluation counted emergency department visits, hospital readmissions and pharmacy costs.",
  "Opioid prescriptions were tracked through the state prescription monitoring programme.",
  "Participation was voluntary, so the people who joined may differ from those who did not.",
  "The payer covered the service without cost sharing for the first twelve months.",
  "Clinicians received a per-member-per-month payment for coordination and outreach.",
  "Results were reported by the vendor and have not been checked against primary data.",
  "A randomised design was considered but rejected for practical reasons.",
  "The cost of delivering the service was taken from invoices and staff time records.",
  "Follow-up lasted eighteen months, and attrition was about one in five participants.",
  "Benefits accrued mainly through fewer admissions rather than lower prices.",
  "The accountable care organisation shared any savings with the participating practices.",
  "Caesarean and preterm birth rates were compared with state Medicaid averages.",
  "Blood pressure and HbA1c were measured at baseline and at the end of the programme.",
  "Return on investment was calculated as gross savings divided by programme cost.",
  "Employers funded the benefit through a wellness stipend within the health savings account rules.",
  "A social impact bond paid investors only if agreed outcome targets were met.",
  "The community health centre used grant funding to start and fee-for-service billing to continue.",
  "Mindfulness and cognitive behavioural therapy were offered in group sessions.",
  "Acupuncture and physical therapy visits were capped at twenty per year.",
  "Produce prescriptions were redeemed at partner grocery stores and farmers markets.",
  "Doulas were paid a flat fee per birth under the state plan amendment.",
  "The evidence is observational and confounding cannot be ruled out.",
  "Quality measures included patient experience and time to first appointment.",
  "Low back pain episodes were defined from diagnosis codes in outpatient claims.",
  "The analysis adjusted for age, sex, risk score and prior utilisation.",
  "Savings per member per month were largest in the second year.",
  "The coverage decision was revisited after an independent actuarial review.",
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function pickWeighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rand() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

function some<T>(rand: () => number, items: readonly T[], max: number): T[] {
  const n = 1 + Math.floor(rand() * max);
  const out = new Set<T>();
  while (out.size < Math.min(n, items.length)) out.add(pick(rand, items));
  return [...out];
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function outcome(rand: () => number, metric: Metric): Outcome {
  const base = { metric, source: "synthetic" } as const;
  if (metric === "roi_ratio") {
    return { ...base, kind: "ratio", value: round(0.5 + rand() * 4), unit: "ratio", comparison: "none" };
  }
  if (metric === "savings_per_patient") {
    return {
      ...base,
      kind: "level",
      value: Math.round(50 + rand() * 3000),
      unit: "usd",
      per: "patient",
      comparison: "matched_cohort",
    };
  }
  const r = rand();
  if (r < 0.15) {
    return {
      ...base,
      kind: "risk_ratio",
      value: round(0.5 + rand() * 0.7, 2),
      unit: "ratio",
      comparison: "control_group",
    };
  }
  const better = rand() < 0.8 ? -1 : 1;
  return {
    ...base,
    kind: "relative_change",
    value: round(better * (2 + rand() * 40)),
    unit: "percent",
    comparison: pick(rand, ["usual_care", "matched_cohort", "pre_period", "control_group"] as const),
    horizon_months: pick(rand, [6, 12, 18, 24, 36]),
  };
}

/** Record number `n` (1-based) of the synthetic corpus for `seed`: the same inputs give the same record. */
export function syntheticRecord(seed: number, n: number): CaseStudy {
  const rand = prng(seed * 1_000_003 + n);
  const theme = pickWeighted(
    rand,
    THEMES.map((t) => [t, t.weight] as const),
  );
  const recordModalities = some(rand, theme.modalities, 2);
  const recordConditions = some(rand, theme.conditions, 2);
  const payers = some(rand, payerTypes.values, 2);
  const financing = some(rand, financingModels.values, 2);
  const design = pickWeighted(rand, [
    ["rct", 8],
    ["meta_analysis", 2],
    ["systematic_review", 2],
    ["quasi_experimental", 10],
    ["cohort", 14],
    ["actuarial_certification", 3],
    ["pre_post", 18],
    ["program_report", 25],
    ["case_report", 8],
    ["illustrative", 10],
  ] as const);
  const provenance =
    design === "illustrative"
      ? "illustrative"
      : pickWeighted(rand, [
          ["verified", 35],
          ["reported", 65],
        ] as const);
  const status = pickWeighted(rand, [
    ["published", 94],
    ["draft", 4],
    ["retracted", 2],
  ] as const);
  const country = pickWeighted(rand, COUNTRIES);
  const careSetting = pick(rand, careSettings.values);
  const year = 1995 + Math.floor(rand() * 31);
  const size = Math.round(20 + rand() ** 3 * 200_000);
  const recordMetrics = some(rand, theme.metrics, 3);
  // Verified records quote their source for every figure (the contract requires it); here the "source" says it is
  // synthetic.
  const outcomes = recordMetrics.map((m) => {
    const o = outcome(rand, m);
    return provenance === "verified" ? { ...o, quote: "Synthetic (benchmark)" } : o;
  });
  const modalityText = recordModalities.map((m) => modalities.label(m).toLowerCase()).join(" and ");
  const conditionText = recordConditions.map((c) => conditions.label(c).toLowerCase()).join(" and ");
  const payerText = payers.map(payerTypes.label).join(" and ");
  const financingText = financing.map((f) => financingModels.label(f).toLowerCase()).join(" and ");
  const region = pick(rand, REGIONS);
  const first = outcomes[0] as Outcome;
  const headline =
    first.kind === "relative_change"
      ? `${metrics.label(first.metric).toLowerCase()} changed by ${first.value}%`
      : `${metrics.label(first.metric).toLowerCase()} reported as ${first.value}`;
  return {
    slug: `syn-${n}`,
    title: `${modalityText[0]?.toUpperCase()}${modalityText.slice(1)} for ${conditionText} (${region}, ${year})`,
    summary: `${payerText} paid for it through ${financingText}; ${headline} in a ${designs.label(design).toLowerCase()}.`,
    status,
    provenance,
    setting: { care_setting: careSetting, country, region },
    payer_types: payers,
    financing_models: financing,
    modalities: recordModalities,
    conditions: recordConditions,
    design,
    period: { start: String(year) },
    population: { description: "Synthetic population", size, unit: "patients" },
    outcomes,
    sources: [{ key: "synthetic", kind: "source_document", title: "Synthetic benchmark record (not evidence)" }],
    tags: [...recordModalities, ...recordConditions].map((t) => t.replace(/_/g, " ")),
    body: "",
  } as CaseStudy;
}

/** The body the loader builds in SQL: the summary, then three stock sentences picked by the record number. */
export function bodyOf(n: number, summary: string): string {
  const s = (k: number) => BODY_SENTENCES[k % BODY_SENTENCES.length] as string;
  return `${summary} ${s(n * 7)} ${s(n * 13 + 5)} ${s(n * 17 + 11)}`.trim();
}

/** A record with its body filled in as the loader will store it. */
export function syntheticRecordWithBody(seed: number, n: number): CaseStudy {
  const record = syntheticRecord(seed, n);
  return { ...record, body: bodyOf(n, record.summary) };
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The compact tuple one record travels as; the order is the loader SQL's `r->>i`. */
function tuple(record: CaseStudy, n: number): unknown[] {
  const grade = gradeEvidence(record).grade;
  return [
    n, // 0 id
    record.title, // 1
    record.summary, // 2
    record.status, // 3
    record.provenance, // 4
    record.design, // 5
    record.setting.care_setting, // 6
    record.setting.country, // 7
    grade, // 8
    gradeRank(grade), // 9
    record.setting.region ?? "", // 10
    evidenceYear(record), // 11
    record.population.size ?? null, // 12
    hasCostFigures(record) ? 1 : 0, // 13
    record.payer_types, // 14
    record.financing_models, // 15
    record.modalities, // 16
    record.conditions, // 17
    record.outcomes.map((o) => [
      o.metric,
      o.kind,
      o.value,
      o.unit,
      o.comparison,
      o.horizon_months ?? null,
      o.per ?? null,
      o.quote ?? null,
    ]), // 18
  ];
}

const SENTENCES_TABLE = "bench_sentences";

/** Creates the stock-sentence table the loader reads (benchmark database only). */
export function sentencesSql(): string {
  const rows = BODY_SENTENCES.map((s, k) => `(${k}, ${sqlString(s)})`).join(", ");
  return `CREATE TABLE IF NOT EXISTS ${SENTENCES_TABLE} (k INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT OR REPLACE INTO ${SENTENCES_TABLE} (k, s) VALUES ${rows};`;
}

/**
 * One INSERT for a chunk of records (keep it under D1's 100 KB per statement: about 150 records), building the
 * stored columns and the record JSON from the tuples.
 */
export function insertRecordsSql(records: readonly { n: number; record: CaseStudy }[]): string {
  const json = JSON.stringify(records.map(({ n, record }) => tuple(record, n)));
  const k = BODY_SENTENCES.length;
  const sentence = (expr: string) => `(SELECT s FROM ${SENTENCES_TABLE} WHERE k = (${expr}) % ${k})`;
  // Tags are the modalities and conditions in words, as the generator makes them.
  const tags = `(SELECT json_group_array(replace(x.value, '_', ' ')) FROM (SELECT m.value FROM json_each(t.value -> '$[16]') m
      UNION ALL SELECT d.value FROM json_each(t.value -> '$[17]') d) x)`;
  return `WITH src AS (
  SELECT t.value AS r, ${tags} AS tags,
    (t.value ->> 2) || ' ' || ${sentence("(t.value ->> 0) * 7")} || ' ' || ${sentence("(t.value ->> 0) * 13 + 5")} || ' ' || ${sentence("(t.value ->> 0) * 17 + 11")} AS body
  FROM json_each(${sqlString(json)}) t
)
INSERT INTO case_studies (id, slug, title, summary, status, provenance, design, care_setting, country, grade, grade_rank,
  grade_reason, evidence_year, population_size, has_cost_figures, tags_text, body_text, details_text, body_html,
  record_json, origin, updated_at)
SELECT r ->> 0, 'syn-' || (r ->> 0), r ->> 1, r ->> 2, r ->> 3, r ->> 4, r ->> 5, r ->> 6, r ->> 7, r ->> 8, r ->> 9,
  (r ->> 8) || ': synthetic benchmark record, not evidence', r ->> 11, r ->> 12, r ->> 13,
  (SELECT group_concat(g.value, ' ') FROM json_each(tags) g), body,
  -- The details column as detailsText() builds it, from what a synthetic record has: region, metrics, quotes, source.
  coalesce((r ->> 10) || char(10), '') || coalesce((SELECT group_concat(replace(o.value ->> 0, '_', ' ')
    || coalesce(char(10) || (o.value ->> 7), ''), char(10)) FROM json_each(r -> '$[18]') o) || char(10), '')
    || 'Synthetic benchmark record (not evidence)',
  '<p>' || body || '</p>',
  json_object(
    'slug', 'syn-' || (r ->> 0), 'title', r ->> 1, 'summary', r ->> 2, 'status', r ->> 3, 'provenance', r ->> 4,
    'setting', json_object('care_setting', r ->> 6, 'country', r ->> 7, 'region', r ->> 10),
    'payer_types', r -> '$[14]', 'financing_models', r -> '$[15]', 'modalities', r -> '$[16]',
    'conditions', r -> '$[17]', 'design', r ->> 5, 'period', json_object('start', CAST(r ->> 11 AS TEXT)),
    'population', json_object('description', 'Synthetic population', 'size', r ->> 12, 'unit', 'patients'),
    'outcomes', (SELECT json_group_array(json_patch(
        json_object('metric', o.value ->> 0, 'kind', o.value ->> 1, 'value', o.value ->> 2, 'unit', o.value ->> 3,
          'comparison', o.value ->> 4, 'source', 'synthetic'),
        json_object('horizon_months', o.value ->> 5, 'per', o.value ->> 6, 'quote', o.value ->> 7)))
      FROM json_each(r -> '$[18]') o),
    'sources', json_array(json_object('key', 'synthetic', 'kind', 'source_document',
      'title', 'Synthetic benchmark record (not evidence)')),
    'tags', json(tags), 'body', body),
  'synthetic', '2026-01-01T00:00:00.000Z'
FROM src;`;
}

/**
 * The facet and outcome rows of records `from`..`to`, derived from their stored columns and record JSON with the
 * same rules as facetRows() and the upsert of src/records/write-path.ts, then their facet keys from the write path's
 * own statement. The loader ends with the write path's facet counts (see finishLoadSql).
 */
export function childRowsSql(from: number, to: number): string {
  const range = `c.id BETWEEN ${from} AND ${to}`;
  return `INSERT INTO case_study_facets (case_study_id, facet, value)
SELECT c.id, k.column1, CASE k.column1 WHEN 'status' THEN c.status WHEN 'provenance' THEN c.provenance
  WHEN 'design' THEN c.design WHEN 'care_setting' THEN c.care_setting WHEN 'country' THEN c.country ELSE c.grade END
FROM case_studies c, (VALUES ('status'), ('provenance'), ('design'), ('care_setting'), ('country'), ('grade')) k
WHERE ${range};
INSERT OR IGNORE INTO case_study_facets (case_study_id, facet, value)
SELECT c.id, k.column1, j.value
FROM case_studies c, (VALUES ('payer_type', '$.payer_types'), ('financing_model', '$.financing_models'),
  ('modality', '$.modalities'), ('condition', '$.conditions')) k, json_each(c.record_json, k.column2) j
WHERE ${range};
INSERT OR IGNORE INTO case_study_facets (case_study_id, facet, value)
SELECT c.id, 'metric', j.value ->> 'metric' FROM case_studies c, json_each(c.record_json, '$.outcomes') j WHERE ${range};
INSERT INTO case_study_facets (case_study_id, facet, value)
SELECT c.id, 'has_cost_figures', 'true' FROM case_studies c WHERE ${range} AND c.has_cost_figures = 1;
INSERT INTO outcomes (case_study_id, position, metric, kind, value, unit, comparison, horizon_months, per, source_key,
  quote)
SELECT c.id, j.key, j.value ->> 'metric', j.value ->> 'kind', j.value ->> 'value', j.value ->> 'unit',
  j.value ->> 'comparison', j.value ->> 'horizon_months', j.value ->> 'per', 'synthetic', j.value ->> 'quote'
FROM case_studies c, json_each(c.record_json, '$.outcomes') j WHERE ${range};
${inlineStatement(facetKeysStatement({ idFrom: from, idTo: to }))}`;
}

/**
 * What a load ends with, once after every chunk: the write path's recount of its counters (browse counts and gap
 * map; the chunks wrote the facet keys of their own records, with SQL of their own that does not keep counters), and
 * an FTS merge of both full-text indexes as a read-mostly index gets.
 */
export function finishLoadSql(): string {
  return `${rebuildCounterStatements().map(inlineStatement).join("\n")}
INSERT INTO case_studies_fts (case_studies_fts) VALUES ('optimize');
INSERT INTO search_docs (search_docs) VALUES ('optimize');
`;
}

/** One synthetic reference figure per this many records, and one synthetic brief per this many (see otherKindsSql). */
export const RECORDS_PER_FIGURE = 20;
export const RECORDS_PER_BRIEF = 100;

/**
 * A synthetic reference figure drawn from record n's theme (so "acupuncture back pain" finds figures too). A valid
 * contract figure (a unit test checks a sample), but not evidence: its slug starts with "syn-figure-", its title and
 * source say so.
 */
export function syntheticFigure(seed: number, n: number): ReferenceFigure {
  const record = syntheticRecord(seed, n);
  const rand = prng(seed * 2_000_003 + n);
  const modality = modalities.label(record.modalities[0] ?? "other").toLowerCase();
  const condition = conditions.label(record.conditions[0] ?? "general_wellness").toLowerCase();
  const per = pick(rand, figurePer.values);
  const value = Math.round(20 + rand() ** 2 * 20_000);
  const region = record.setting.region ?? "Ohio";
  return {
    slug: `syn-figure-${n}`,
    title: `Synthetic ${modality} price for ${condition} (${region}), not evidence`,
    value,
    unit: "usd",
    per,
    price_year: 2015 + Math.floor(rand() * 10),
    payer_context: [record.payer_types[0] ?? "commercial"],
    geography: region,
    measure: pick(rand, figureMeasures.values),
    provenance: "reported",
    source: { key: "synthetic", kind: "source_document", title: "Synthetic benchmark figure (not evidence)" },
    quote: `The synthetic amount for ${modality} was ${value} dollars ${figurePer.label(per).toLowerCase()}.`,
    caveats: ["Synthetic benchmark figure: it prices nothing."],
    body: `${record.summary} ${bodyOf(n, "").trim()}`,
  };
}

/** A synthetic brief over records n-4..n (their theme, their slugs): valid, but not evidence (slug "syn-brief-"). */
export function syntheticBrief(seed: number, n: number): Brief {
  const record = syntheticRecord(seed, n);
  const modality = modalities.label(record.modalities[0] ?? "other").toLowerCase();
  const condition = conditions.label(record.conditions[0] ?? "general_wellness").toLowerCase();
  const payer = payerTypes.label(record.payer_types[0] ?? "commercial");
  const first = Math.max(1, n - 4);
  return {
    slug: `syn-brief-${n}`,
    title: `Synthetic brief: ${modality} for ${condition}, paid by ${payer} (not evidence)`,
    question: `Does paying for ${modality} for ${condition} save ${payer} money?`,
    audience: `${payer} benefit designers (synthetic benchmark)`,
    case_studies: Array.from({ length: n - first + 1 }, (_, i) => `syn-${first + i}`),
    metrics: [record.outcomes[0]?.metric ?? "total_cost_of_care"],
    key_messages: [
      `Synthetic key message about ${modality} and ${condition}.`,
      "Synthetic benchmark brief: it synthesises nothing and is not evidence.",
    ],
    body: bodyOf(n, record.summary),
  };
}

/**
 * The synthetic figures and briefs for records from..to (one figure per RECORDS_PER_FIGURE records, one brief per
 * RECORDS_PER_BRIEF), through the real write statements, so the search index's triggers (schema/0011) fill it.
 */
export function otherKindsSql(seed: number, from: number, to: number): string {
  const updatedAt = "2026-01-01T00:00:00.000Z";
  const statements: string[] = [];
  const figures: ReferenceFigure[] = [];
  for (let n = from; n <= to; n++) {
    if (n % RECORDS_PER_FIGURE === 0) figures.push(syntheticFigure(seed, n));
    if (n % RECORDS_PER_BRIEF === 0)
      statements.push(inlineStatement(briefUpsertStatement(syntheticBrief(seed, n), updatedAt)));
  }
  const figureWrites = figures.map((figure) => ({ kind: "upsert" as const, figure }));
  statements.push(...figureWriteStatements(figureWrites, updatedAt).map(inlineStatement));
  return statements.join("\n");
}
