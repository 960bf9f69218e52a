/**
 * Every public route the benchmarks measure, read from the app itself (Hono's route table, which holds the HTML pages
 * and the declared API routes alike), so a route added later is measured without anyone listing it here. A path
 * parameter gets a real value of the database under test; a few routes get the query a reader would send.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app";
import { calculatorIds } from "../../src/calculators/index";
import type { TaxonomyPage } from "../../src/taxonomy/types";
import { STATIC_DATA_SOURCE_DIR } from "./static-assets";
import { projectRoot } from "./wrangler-dev";

/** The glossary pages as npm run content:build staged them (the Worker reads the same file as static data). */
const taxonomyPages = JSON.parse(
  readFileSync(join(projectRoot, STATIC_DATA_SOURCE_DIR, "taxonomy.json"), "utf8"),
) as TaxonomyPage[];

export interface BenchRoute {
  method: "GET" | "POST";
  /** The route as the app declares it (`/case-studies/:slug`). */
  pattern: string;
  /** What is requested: the pattern with real values, and a query where the route wants one. */
  path: string;
  body?: string;
  /** Why the route is not measured (no sample value for a parameter). */
  skipped?: string;
}

/** Real values of the database under test, by the collection a path parameter names. */
export interface SampleValues {
  caseStudySlugs: readonly string[];
  briefSlug: string;
  referenceFigureSlug: string;
}

/** Stands for the percent-encoded origin of the server under test in a benchmark path. */
export const ORIGIN = "%7Borigin%7D";

/** The query each route is measured with, where a bare request would measure little or nothing (a typical search). */
function queryFor(pattern: string, samples: SampleValues): string {
  const q = "q=acupuncture%20back%20pain";
  const cases = `cases=${samples.caseStudySlugs.slice(0, 3).join(",")}`;
  const queries: Record<string, string> = {
    "/api/v1/search": q,
    "/search": q,
    "/api/v1/exports/search": q,
    "/api/v1/evidence/summary": q,
    "/briefs/compose": cases,
    "/api/v1/exports/composed-brief": cases,
    // ORIGIN is replaced by the server's origin when the request is made (oEmbed accepts only this site's pages).
    "/oembed": `url=${ORIGIN}${encodeURIComponent(`/calculators/${calculatorIds[0]}`)}&format=json`,
    "/embed/accent.css": "c=0055aa",
  };
  return queries[pattern] ?? "";
}

/** The value for a parameter, chosen by the path segment before it (the collection it names). */
function valueFor(collection: string, samples: SampleValues): string | undefined {
  const values: Record<string, string | undefined> = {
    "case-studies": samples.caseStudySlugs[0],
    briefs: samples.briefSlug,
    "reference-figures": samples.referenceFigureSlug,
    calculators: calculatorIds[0],
    taxonomy: taxonomyPages[0]?.kind,
    revisions: "1",
    // The second case-study sitemap: ids 1,001…2,000, a full page of synthetic records (O(page) rows).
    sitemaps: "case-studies-2.xml",
  };
  return values[collection];
}

/** Methods measured: every GET, and the calculators' POST (the one public POST that only reads). */
const POSTS_MEASURED = new Set(["/api/v1/calculators/:id"]);

export function benchRoutes(samples: SampleValues): BenchRoute[] {
  const seen = new Set<string>();
  const routes: BenchRoute[] = [];
  const table = createApp().routes.filter(
    (r) => r.method === "GET" || (r.method === "POST" && POSTS_MEASURED.has(r.path)),
  );
  // Concrete paths declared beside a pattern that matches them (`/api/v1/calculators/program-roi`, `…/shared-savings`
  // beside `…/:id`) are instances of one route: measure the pattern once. A single concrete path beside a pattern
  // (`/briefs/compose` beside `/briefs/:slug`) is a page of its own.
  const patterns = table.filter((r) => r.path.includes(":"));
  const matches = (pattern: string, path: string) =>
    pattern !== path && new RegExp(`^${pattern.replace(/:[a-z_]+/gi, "[^/]+")}$`).test(path);
  const coveredBy = (method: string, path: string) =>
    patterns.some(
      (p) =>
        p.method === method &&
        matches(p.path, path) &&
        table.filter((r) => r.method === method && matches(p.path, r.path)).length > 1,
    );
  for (const route of table) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key) || route.path.includes("*") || coveredBy(route.method, route.path)) continue;
    seen.add(key);
    const segments = route.path.split("/");
    let skipped: string | undefined;
    const filled = segments.map((segment, i) => {
      if (!segment.startsWith(":")) return segment;
      const value = valueFor(segments[i - 1] ?? "", samples);
      if (value === undefined) skipped = `no sample value for ${segment} after /${segments[i - 1]}`;
      return value ?? segment;
    });
    const query = queryFor(route.path, samples);
    routes.push({
      method: route.method as "GET" | "POST",
      pattern: route.path,
      path: `${filled.join("/")}${query ? `?${query}` : ""}`,
      ...(route.method === "POST" ? { body: "{}" } : {}),
      ...(skipped ? { skipped } : {}),
    });
  }
  return routes;
}

/** Exports answer with the whole corpus or a result set by design, so reading O(corpus) rows is allowed there. */
export function isExport(pattern: string): boolean {
  return /\/exports?(\/|$)/.test(pattern);
}
