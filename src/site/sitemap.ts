/**
 * The sitemap, as a sitemap index (sitemaps.org protocol) so that no request reads every record:
 * - /sitemap.xml: the index, naming /sitemaps/pages.xml and one /sitemaps/case-studies-{n}.xml for each range of
 *   SITEMAP_PAGE_SIZE record ids that holds a public record (published or retracted: a retracted record stays
 *   readable). Finding them reads one row per range, about, not one per record.
 * - /sitemaps/pages.xml: every page that is not a record (fixed pages, calculators, glossary pages). Adding a kind of
 *   page (briefs, say) is one entry in PAGE_SOURCES. The glossary's pages come from build-time data the route reads
 *   and passes in (PageData).
 * - /sitemaps/case-studies-{n}.xml: the public records whose id is in range n (ids (n-1)·size+1 … n·size), read by
 *   that id range (the rowid), so O(page) rows whatever the corpus; at most SITEMAP_PAGE_SIZE URLs, well under the
 *   protocol's 50,000.
 * No `lastmod`: the site keeps no date a page last changed, and a record's review date is not one.
 */
import { calculatorIds } from "../calculators/index";
import { publicCaseStudyRanges, publicCaseStudySlugsInIds } from "../records/read";

/**
 * Record URLs per case-study sitemap: ids per range, so a page never holds more. 1,000 rather than the protocol's
 * 50,000: a file is one request's work (its rows read and its XML), and at 5,000 a file cost five list pages (0.18× the
 * health route's throughput at 10k records); more files cost the index one probe row each.
 */
export const SITEMAP_PAGE_SIZE = 1000;

/** The build-time data the list of pages needs (read by the route: src/http/static-data.ts). */
export interface PageData {
  /** The glossary pages (`taxonomy.json`); only their kinds are read. */
  taxonomy: readonly { kind: string }[];
}

/** Paths of public pages that are not records. */
export const PAGE_SOURCES: readonly ((data: PageData) => readonly string[])[] = [
  // The lists of briefs and reference figures link every one of them (curated, so their pages are few).
  () => [
    "/",
    "/search",
    "/case-studies",
    "/briefs",
    "/reference-figures",
    "/evidence/map",
    "/calculators",
    "/taxonomy",
    "/about/methods",
    "/docs",
  ],
  () => calculatorIds.map((id) => `/calculators/${id}`),
  (data) => data.taxonomy.map((page) => `/taxonomy/${page.kind}`),
];

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** A sitemap (urlset) for these paths on this origin. */
export function sitemapXml(origin: string, paths: readonly string[]): string {
  const urls = [...new Set(paths)].map((path) => `  <url><loc>${xmlEscape(`${origin}${path}`)}</loc></url>`);
  return `${XML_HEAD}<urlset ${NS}>\n${urls.join("\n")}\n</urlset>\n`;
}

/** A sitemap index naming these sitemaps (paths) on this origin. */
export function sitemapIndexXml(origin: string, paths: readonly string[]): string {
  const maps = paths.map((path) => `  <sitemap><loc>${xmlEscape(`${origin}${path}`)}</loc></sitemap>`);
  return `${XML_HEAD}<sitemapindex ${NS}>\n${maps.join("\n")}\n</sitemapindex>\n`;
}

/** The paths of the sitemaps the index names. */
export async function sitemapIndexPaths(db: D1Database): Promise<string[]> {
  const ranges = await publicCaseStudyRanges(db, SITEMAP_PAGE_SIZE);
  return ["/sitemaps/pages.xml", ...ranges.map((n) => `/sitemaps/case-studies-${n}.xml`)];
}

/**
 * The paths one sitemap lists, by its file name; null for a name that is none (or a range with no public record).
 * `pageData` is read only for the list of pages.
 */
export async function sitemapPagePaths(
  db: D1Database,
  file: string,
  pageData: () => Promise<PageData>,
): Promise<string[] | null> {
  if (file === "pages.xml") {
    const data = await pageData();
    return PAGE_SOURCES.flatMap((source) => source(data));
  }
  const match = /^case-studies-([1-9][0-9]{0,8})\.xml$/.exec(file);
  if (!match) return null;
  const n = Number(match[1]);
  const slugs = await publicCaseStudySlugsInIds(db, (n - 1) * SITEMAP_PAGE_SIZE + 1, n * SITEMAP_PAGE_SIZE);
  return slugs.length ? slugs.map((slug) => `/case-studies/${slug}`) : null;
}
