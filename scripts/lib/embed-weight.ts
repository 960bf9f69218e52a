/**
 * The weight of an embed page as a reader's browser fetches it: the HTML plus every same-origin stylesheet and
 * script it links (/assets/… from build/public, /embed/accent.css from the Worker), each gzipped on its own, summed.
 * Shared by the budget test and `npm run bench -- size`, so both count the same bytes.
 */
import { gzipSync } from "node:zlib";

/** What a frame may weigh in all, gzipped (the embeds issue's budget). */
export const EMBED_GZIP_BUDGET_BYTES = 30 * 1024;

/** The paths of the stylesheets and scripts an HTML page loads (`<link rel=stylesheet href>`, `<script src>`). */
export function linkedFiles(html: string): string[] {
  const paths: string[] = [];
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) paths.push(href as string);
  for (const [, src] of html.matchAll(/<script[^>]* src="([^"]+)"/g)) paths.push(src as string);
  return paths;
}

/** Gzipped bytes of the page and of each file it loads; `read` returns a linked file's bytes. */
export async function embedPageWeight(
  html: string,
  read: (path: string) => Promise<Uint8Array>,
): Promise<{ html_gzip_bytes: number; files: Record<string, number>; total_gzip_bytes: number }> {
  const files: Record<string, number> = {};
  for (const path of linkedFiles(html)) files[path] = gzipSync(await read(path)).length;
  const htmlGzip = gzipSync(Buffer.from(html)).length;
  const total = htmlGzip + Object.values(files).reduce((a, b) => a + b, 0);
  return { html_gzip_bytes: htmlGzip, files, total_gzip_bytes: total };
}
