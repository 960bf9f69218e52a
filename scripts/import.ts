/**
 * npm run import -- backup.ndjson — loads a backup (GET /api/v1/export, NDJSON) into the EMPTY local D1: applies the
 * migrations, refuses a database that holds any record or revision, checks every line against the contract, then
 * runs the write path's statements. Restore the remote database the same way after `--remote` is wired in here;
 * locally, delete .wrangler/state to start from empty.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPlan } from "../src/backup/ndjson";
import { inlineStatement } from "../src/db/statements";
import { executeLocalFile, migrateLocal, queryLocal } from "./lib/local-d1";

const file = process.argv[2];
if (!file) {
  console.error("import: name the backup file: npm run import -- backup.ndjson");
  process.exit(1);
}
const plan = importPlan(readFileSync(file, "utf8"));
if ("errors" in plan) {
  console.error(`import: ${file} has ${plan.errors.length} problem(s); nothing was written`);
  for (const e of plan.errors) console.error(`  ${e.path}: ${e.message}`);
  process.exit(1);
}
migrateLocal();
const [count] = queryLocal<{ n: number }>(
  "SELECT (SELECT count(*) FROM case_studies) + (SELECT count(*) FROM revisions) AS n",
);
if ((count?.n ?? 0) > 0) {
  console.error(
    `import: the local database is not empty (${count?.n} records and revisions); nothing was written.\n` +
      "  Import restores into an empty database only. To start from empty: rm -rf .wrangler/state, then run this again.",
  );
  process.exit(1);
}
const sqlFile = join(mkdtempSync(join(tmpdir(), "import-")), "import.sql");
writeFileSync(sqlFile, `${plan.statements.map(inlineStatement).join("\n")}\n`);
executeLocalFile(sqlFile);
console.log(`import: loaded ${plan.records} records and ${plan.revisions} revisions from ${file}`);
