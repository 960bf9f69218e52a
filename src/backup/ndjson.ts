/**
 * The backup format (NDJSON, one JSON object a line) and how a backup becomes statements for an empty database.
 * Pure: the export route writes these lines, `npm run import` and the tests read them.
 *
 *   {"kind":"export","format":1,"revisions":true}                first line: what follows
 *   {"kind":"record","origin":"content","updated_at":"…","record":{…}}       every live record, by id
 *   {"kind":"revision","slug":"…","revision":1,"action":"create",…,"record":{…}}   with revisions, every revision
 *
 * No export time is written, so exporting the same data twice gives the same bytes. Records carry no id: an import
 * with revisions gets every id back (the write path gives a slug the id its revisions name); one without them numbers
 * the records 1, 2, 3… in the exported order, which keeps their order.
 */
import type { BoundStatement } from "../db/statements";
import { parseCaseStudy } from "../domain/case-study";
import type { FieldError } from "../domain/field-error";
import type { Revision } from "../records/revisions";
import { type RecordWrite, writeStatements } from "../records/write-path";
import type { BackupRecord } from "./queries";

export const BACKUP_FORMAT = 1;

export function headerLine(revisions: boolean): string {
  return `${JSON.stringify({ kind: "export", format: BACKUP_FORMAT, revisions })}\n`;
}

export function recordLine(r: BackupRecord): string {
  return `${JSON.stringify({ kind: "record", origin: r.origin, updated_at: r.updated_at, record: r.record })}\n`;
}

export function revisionLine(r: Revision): string {
  const { slug, revision, action, author, message, restored_from, created_at, record_id, record } = r;
  return `${JSON.stringify({ kind: "revision", slug, revision, action, author, message, restored_from, created_at, record_id, record })}\n`;
}

export interface ImportPlan {
  statements: BoundStatement[];
  records: number;
  revisions: number;
}

type Line = Record<string, unknown>;

/**
 * The statements that load a backup into an EMPTY database, or every problem with it (line numbers from 1). Every
 * record is checked by the contract again. Revisions go in first, so each record takes back the id they name;
 * records go through the one write path, grouped by their write time, so each keeps its updated_at.
 */
export function importPlan(text: string): ImportPlan | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const parsed: Line[] = [];
  lines.forEach((line, i) => {
    try {
      parsed.push(JSON.parse(line) as Line);
    } catch {
      errors.push({ path: `line ${i + 1}`, message: "is not JSON" });
      parsed.push({});
    }
  });
  const header = parsed[0];
  if (header?.kind !== "export" || header.format !== BACKUP_FORMAT) {
    errors.push({ path: "line 1", message: `must be the export header {"kind":"export","format":${BACKUP_FORMAT}}` });
  }
  const statements: BoundStatement[] = [];
  const groups: { updatedAt: string; writes: RecordWrite[] }[] = [];
  let records = 0;
  let revisions = 0;
  parsed.slice(1).forEach((line, index) => {
    const where = `line ${index + 2}`;
    const checked = parseCaseStudy(line.record);
    if (!checked.ok) {
      for (const e of checked.errors) errors.push({ path: `${where} record.${e.path}`, message: e.message });
      return;
    }
    if (line.kind === "record") {
      const origin = line.origin === "content" ? "content" : "api";
      const updatedAt = String(line.updated_at ?? "");
      const last = groups[groups.length - 1];
      const write: RecordWrite = { kind: "upsert", record: checked.record, origin };
      if (last && last.updatedAt === updatedAt) last.writes.push(write);
      else groups.push({ updatedAt, writes: [write] });
      records += 1;
    } else if (line.kind === "revision") {
      statements.push({
        sql: `INSERT INTO revisions (slug, revision, action, record_json, record_id, author, message, restored_from, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
        params: [
          String(line.slug),
          Number(line.revision),
          String(line.action),
          JSON.stringify(checked.record),
          Number(line.record_id),
          String(line.author),
          typeof line.message === "string" ? line.message : null,
          typeof line.restored_from === "number" ? line.restored_from : null,
          String(line.created_at),
        ],
      });
      revisions += 1;
    } else {
      errors.push({ path: where, message: 'kind must be "record" or "revision"' });
    }
  });
  if (errors.length) return { errors };
  for (const group of groups) statements.push(...writeStatements(group.writes, group.updatedAt));
  return { statements, records, revisions };
}
