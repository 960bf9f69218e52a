/**
 * /sitemap.xml: every public page, from a list of sources (fixed pages, calculators, glossary pages, case studies).
 * Adding a kind of page (briefs, say) is one entry in SITEMAP_SOURCES. No `lastmod`: the site keeps no date a page
 * last changed, and a record's review date is not one.
 */
import { calculatorIds } from "../calculators/index";
import { taxonomyPages } from "../generated/taxonomy";
import { publicCaseStudySlugs } from "../records/read";

/** Paths of public pages, from this database. */
export type SitemapSource = (db: D1Database) => Promise<readonly string[]> | readonly string[];

export const SITEMAP_SOURCES: readonly SitemapSource[] = [
  () => ["/", "/search", "/case-studies", "/evidence/map", "/calculators", "/taxonomy", "/about/methods", "/docs"],
  () => calculatorIds.map((id) => `/calculators/${id}`),
  () => taxonomyPages.map((page) => `/taxonomy/${page.kind}`),
  async (db) => (await publicCaseStudySlugs(db)).map((slug) => `/case-studies/${slug}`),
];

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The sitemap document for these paths on this origin. */
export function sitemapXml(origin: string, paths: readonly string[]): string {
  const urls = [...new Set(paths)].map((path) => `  <url><loc>${xmlEscape(`${origin}${path}`)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export async function sitemapPaths(db: D1Database): Promise<string[]> {
  return (await Promise.all(SITEMAP_SOURCES.map((source) => source(db)))).flat();
}
