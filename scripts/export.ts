/**
 * npm run export — writes the database's live records back to content/case-studies/<slug>.md (frontmatter + body),
 * so `npm run content:build` of the result gives the same records. Reads the local D1 by default, or a running site
 * through its API with `--from <url>` (GET /api/v1/export). `--out <dir>` writes elsewhere (default content/). Files
 * whose record is no longer in the database are removed, so the folder holds exactly the database's records.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CaseStudy } from "../src/domain/case-study";
import { parseCaseStudy } from "../src/domain/case-study";
import { caseStudyFile } from "./lib/content-export";
import { queryLocal } from "./lib/local-d1";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function records(from: string | undefined): Promise<unknown[]> {
  if (!from)
    return queryLocal<{ record_json: string }>("SELECT record_json FROM case_studies ORDER BY slug").map((r) =>
      JSON.parse(r.record_json),
    );
  const res = await fetch(new URL("/api/v1/export", from));
  if (!res.ok) throw new Error(`GET ${from}/api/v1/export answered ${res.status}`);
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { kind: string; record?: unknown })
    .filter((line) => line.kind === "record")
    .map((line) => line.record);
}

const out = join(resolve(option("--out") ?? "content"), "case-studies");
const from = option("--from");
const checked: CaseStudy[] = [];
for (const raw of await records(from)) {
  const parsed = parseCaseStudy(raw);
  if (!parsed.ok) {
    console.error(`export: a stored record fails the contract: ${JSON.stringify(parsed.errors)}`);
    process.exit(1);
  }
  if (parsed.record.body !== parsed.record.body.trim()) {
    console.warn(`export: ${parsed.record.slug}: the body's leading or trailing blank space is not kept by a file`);
  }
  checked.push(parsed.record);
}
mkdirSync(out, { recursive: true });
const slugs = new Set(checked.map((r) => r.slug));
const removed = readdirSync(out).filter((f) => f.endsWith(".md") && !slugs.has(f.slice(0, -3)));
for (const file of removed) rmSync(join(out, file));
for (const record of checked) writeFileSync(join(out, `${record.slug}.md`), caseStudyFile(record));
console.log(
  `export: wrote ${checked.length} records to ${out}${removed.length ? `; removed ${removed.join(", ")}` : ""}`,
);
