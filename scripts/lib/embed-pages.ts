/**
 * Every embed page rendered in Node, for the weight budget (test/unit/embeds/weight.test.ts) and `npm run bench --
 * size`: the calculator frames through the Worker's own routes (with no database, so the default-source links show
 * slugs rather than titles: a few bytes less than in production), and an evidence card for every content record
 * through the same components the card route renders (the records read from content/, graded as the content build
 * grades them).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createApp } from "../../src/app";
import { calculatorIds } from "../../src/calculators";
import { deriveFields } from "../../src/domain/derive";
import { EmbedShell, EvidenceCard } from "../../src/embeds/views";
import { assetPaths } from "../../src/generated/assets";
import { renderToString } from "../../src/views/render";
import { loadContent } from "./content";
import { embedPageWeight } from "./embed-weight";
import { ASSETS_DIR } from "./static-assets";

const root = resolve(import.meta.dirname ?? ".", "../..");

/** An empty database: the calculator frames find no case-study titles (their source links show slugs). */
const statement = {
  bind: () => statement,
  all: async () => ({ results: [], success: true, meta: {} }),
  first: async () => null,
  raw: async () => [],
};
const noDatabase = { prepare: () => statement } as unknown as D1Database;

/** Every embed page's address and HTML. */
export async function renderEmbedPages(): Promise<{ path: string; html: string }[]> {
  const app = createApp();
  const env = { DB: noDatabase, ASSETS: undefined as unknown as Fetcher };
  const pages: { path: string; html: string }[] = [];
  for (const id of calculatorIds) {
    const path = `/embed/calculators/${id}`;
    const res = await app.fetch(new Request(`https://example.test${path}`), env);
    if (res.status !== 200) throw new Error(`${path}: status ${res.status}`);
    pages.push({ path, html: await res.text() });
  }
  const ctx = { base: "https://example.test", target: "_blank" as const, embedded: true };
  for (const record of loadContent(join(root, "content")).records) {
    const derived = deriveFields(record);
    const row = {
      record,
      grade: derived.grade,
      grade_reason: derived.grade_reason,
      body_html: derived.body_html,
      evidence_year: derived.evidence_year,
    };
    // The card route's shell and card, called as the functions they are (this file is not JSX).
    const shell = EmbedShell({
      title: record.title,
      theme: "auto",
      compact: false,
      notes: [],
      scripts: [assetPaths["embed-frame.js"]],
      ctx,
      children: EvidenceCard({ row, ctx }),
    });
    const html = renderToString(shell as Parameters<typeof renderToString>[0]);
    pages.push({ path: `/embed/case-studies/${record.slug}`, html });
  }
  return pages;
}

/** Reads a linked file from the build output (npm run build). */
export function readBuiltFile(path: string): Promise<Uint8Array> {
  return Promise.resolve(readFileSync(join(root, ASSETS_DIR, path)));
}

/** Every embed page with its gzipped weight, HTML and linked files together. */
export async function embedWeights() {
  const out: { path: string; html_gzip_bytes: number; files: Record<string, number>; total_gzip_bytes: number }[] = [];
  for (const { path, html } of await renderEmbedPages())
    out.push({ path, ...(await embedPageWeight(html, readBuiltFile)) });
  return out;
}
