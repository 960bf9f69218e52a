/**
 * Reads and validates the knowledge base in content/: case studies (frontmatter + Markdown body) and taxonomy
 * pages. Pure apart from reading files, so the build script, the test setup and unit tests share it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseDocument } from "yaml";
import type { BoundStatement } from "../../src/db/statements";
import { type Brief, parseBrief } from "../../src/domain/brief";
import { type CaseStudy, parseCaseStudy } from "../../src/domain/case-study";
import { FACET_OF_GLOSSARY, FACETS } from "../../src/domain/facets";
import { type FieldError, ROOT_PATH } from "../../src/domain/field-error";
import { renderMarkdown } from "../../src/domain/markdown";
import { briefStatements } from "../../src/records/briefs";
import { writeStatements } from "../../src/records/write-path";
import type { TaxonomyPage } from "../../src/taxonomy/types";

export interface ContentError extends FieldError {
  file: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a content file into its YAML frontmatter (parsed) and Markdown body. */
export function splitFrontmatter(text: string, file: string): { data: unknown; body: string } | ContentError {
  const match = FRONTMATTER.exec(text);
  if (!match) return { file, path: ROOT_PATH, message: "must start with YAML frontmatter between two '---' lines" };
  const doc = parseDocument(match[1] ?? "", { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      file,
      path: ROOT_PATH,
      message: `invalid YAML frontmatter: ${doc.errors.map((e) => e.message).join("; ")}`,
    };
  }
  return { data: doc.toJS(), body: (match[2] ?? "").trim() };
}

/** Validates one case-study file; the slug must be the file name. */
export function parseCaseStudyFile(text: string, file: string): { record: CaseStudy } | { errors: ContentError[] } {
  const split = splitFrontmatter(text, file);
  if ("message" in split) return { errors: [split] };
  if (split.data === null || typeof split.data !== "object" || Array.isArray(split.data)) {
    return { errors: [{ file, path: ROOT_PATH, message: "the frontmatter must be a YAML mapping of fields" }] };
  }
  const data = split.data as Record<string, unknown>;
  if ("body" in data) {
    return { errors: [{ file, path: "body", message: "the body is the Markdown after the frontmatter, not a field" }] };
  }
  const result = parseCaseStudy({ ...data, body: split.body });
  if (!result.ok) return { errors: result.errors.map((e) => ({ file, ...e })) };
  const expected = basename(file, ".md");
  if (result.record.slug !== expected) {
    return {
      errors: [{ file, path: "slug", message: `'${result.record.slug}' must equal the file name '${expected}'` }],
    };
  }
  return { record: result.record };
}

/** Parses a taxonomy page: frontmatter `title` and `kind`, then one `## value` section per enumeration value. */
export function parseTaxonomyFile(text: string, file: string): { page: TaxonomyPage } | { errors: ContentError[] } {
  const split = splitFrontmatter(text, file);
  if ("message" in split) return { errors: [split] };
  const data = (split.data ?? {}) as Record<string, unknown>;
  const errors: ContentError[] = [];
  const kind = data.kind;
  const enumerations: Record<string, { values: readonly string[] }> = Object.fromEntries(
    Object.entries(FACET_OF_GLOSSARY).map(([kind, facet]) => [kind, FACETS[facet].enumeration]),
  );
  if (typeof data.title !== "string" || data.title.length < 3)
    errors.push({ file, path: "title", message: "is required" });
  const enumeration = typeof kind === "string" ? enumerations[kind] : undefined;
  if (!enumeration) {
    errors.push({ file, path: "kind", message: `must be one of: ${Object.keys(enumerations).join(", ")}` });
    return { errors };
  }
  const sections = split.body.split(/^## +/m);
  const intro = sections.shift()?.trim() ?? "";
  const entries: Record<string, string> = {};
  for (const section of sections) {
    const newline = section.indexOf("\n");
    const value = (newline === -1 ? section : section.slice(0, newline)).trim();
    const text = newline === -1 ? "" : section.slice(newline + 1).trim();
    if (!enumeration.values.includes(value)) {
      errors.push({ file, path: `## ${value}`, message: `is not a value of ${kind}` });
    } else if (!text) {
      errors.push({ file, path: `## ${value}`, message: "has no explanation" });
    } else {
      entries[value] = renderMarkdown(text);
    }
  }
  for (const value of enumeration.values) {
    if (!(value in entries) && !errors.some((e) => e.path === `## ${value}`)) {
      errors.push({ file, path: `## ${value}`, message: "is missing: every value needs a plain-words explanation" });
    }
  }
  if (errors.length) return { errors };
  return { page: { kind: kind as string, title: data.title as string, intro_html: renderMarkdown(intro), entries } };
}

/**
 * Validates one brief file; the slug must be the file name, and every record it names must exist (`known`), so a
 * brief can never point at nothing.
 */
export function parseBriefFile(
  text: string,
  file: string,
  known: ReadonlySet<string>,
): { brief: Brief } | { errors: ContentError[] } {
  const split = splitFrontmatter(text, file);
  if ("message" in split) return { errors: [split] };
  if (split.data === null || typeof split.data !== "object" || Array.isArray(split.data)) {
    return { errors: [{ file, path: ROOT_PATH, message: "the frontmatter must be a YAML mapping of fields" }] };
  }
  const data = split.data as Record<string, unknown>;
  if ("body" in data) {
    return { errors: [{ file, path: "body", message: "the body is the Markdown after the frontmatter, not a field" }] };
  }
  const result = parseBrief({ ...data, body: split.body });
  if (!result.ok) return { errors: result.errors.map((e) => ({ file, ...e })) };
  const errors: ContentError[] = [];
  const expected = basename(file, ".md");
  if (result.brief.slug !== expected) {
    errors.push({ file, path: "slug", message: `'${result.brief.slug}' must equal the file name '${expected}'` });
  }
  result.brief.case_studies.forEach((slug, i) => {
    if (!known.has(slug))
      errors.push({ file, path: `case_studies[${i}]`, message: `no case study has the slug '${slug}'` });
  });
  return errors.length ? { errors } : { brief: result.brief };
}

export interface ContentBuild {
  briefs: Brief[];
  records: CaseStudy[];
  taxonomy: TaxonomyPage[];
  errors: ContentError[];
  filesRead: number;
}

function markdownFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Reads every file under content/, collecting every error of every bad file rather than stopping at the first. */
export function loadContent(contentDir: string): ContentBuild {
  const records: CaseStudy[] = [];
  const taxonomy: TaxonomyPage[] = [];
  const errors: ContentError[] = [];
  const caseFiles = markdownFiles(join(contentDir, "case-studies"));
  const taxonomyFiles = markdownFiles(join(contentDir, "taxonomy"));
  for (const file of caseFiles) {
    const result = parseCaseStudyFile(readFileSync(file, "utf8"), file);
    if ("errors" in result) errors.push(...result.errors);
    else records.push(result.record);
  }
  for (const file of taxonomyFiles) {
    const result = parseTaxonomyFile(readFileSync(file, "utf8"), file);
    if ("errors" in result) errors.push(...result.errors);
    else taxonomy.push(result.page);
  }
  // Briefs are checked against the record files that exist (even invalid ones, so one error is not reported twice).
  const briefs: Brief[] = [];
  const briefFiles = markdownFiles(join(contentDir, "briefs"));
  const known = new Set(caseFiles.map((f) => basename(f, ".md")));
  for (const file of briefFiles) {
    const result = parseBriefFile(readFileSync(file, "utf8"), file, known);
    if ("errors" in result) errors.push(...result.errors);
    else briefs.push(result.brief);
  }
  return {
    records,
    briefs,
    taxonomy,
    errors,
    filesRead: caseFiles.length + taxonomyFiles.length + briefFiles.length,
  };
}

/**
 * The one batch that makes D1 hold exactly the content records, through the write path: the records whose file was
 * deleted go first, then one upsert per record (an unchanged slug keeps its id), then the derived tables.
 */
export function seedStatements(
  records: readonly CaseStudy[],
  updatedAt: string,
  briefs: readonly Brief[] = [],
): BoundStatement[] {
  return [
    ...writeStatements(
      [
        { kind: "deleteContentExcept", slugs: records.map((r) => r.slug) },
        ...records.map((record) => ({ kind: "upsert" as const, record, origin: "content" as const })),
      ],
      updatedAt,
    ),
    ...briefStatements(briefs, updatedAt),
  ];
}
