/**
 * A record back to its content file (YAML frontmatter + Markdown body), the inverse of parseCaseStudyFile in
 * content.ts: parsing what this writes gives the same record (test/unit/content/content-export.test.ts).
 */
import { stringify } from "yaml";
import type { CaseStudy } from "../../src/domain/case-study";

/** The text of content/case-studies/<slug>.md for a record. */
export function caseStudyFile(record: CaseStudy): string {
  const { body, ...frontmatter } = record;
  const yaml = stringify(frontmatter, { lineWidth: 0 });
  return `---\n${yaml}---\n${body ? `\n${body}\n` : ""}`;
}
