/**
 * A collection as Markdown for a memo: per record its grade with the reason, the provenance mark (illustrative and
 * reported figures said so in words), what was studied, a table of figures with units and what they are compared
 * with, and the sources with their links. Every piece of record text is escaped, so a title cannot turn into a link,
 * a heading or a broken table row.
 */
import type { CaseStudy } from "../domain/case-study";
import { formatCitation } from "../domain/citation";
import { careSettings, designs, statuses } from "../domain/enums";
import {
  formatBaselineFollowup,
  formatOutcomeContext,
  formatOutcomeValue,
  lacksPriceYear,
  outcomeName,
} from "../domain/format";
import { formatInteger } from "../domain/numbers";
import { type ExportCollection, type GradedRecord, gradedRecords, oneLine, PROVENANCE_WORDS } from "./model";

/** Text that Markdown shows as it is: punctuation that could start markup is backslash-escaped, on one line. */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#~!]/g, (ch) => `\\${ch}`);
}

/** A link whose address cannot close the parentheses early. */
function markdownLink(text: string, url: string): string {
  return `[${markdownText(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function provenanceLine(record: CaseStudy): string {
  if (record.provenance === "illustrative") {
    return "> **Illustrative figures, not evidence.** They have no identifiable primary source; do not cite them as findings.";
  }
  if (record.provenance === "reported") {
    return "> **Reported figures.** They come from a secondary source and were not checked against primary data.";
  }
  return "> **Verified figures.** Each was checked against the cited primary source, with a quote.";
}

function setting(record: CaseStudy): string {
  const s = record.setting;
  const where = s.country === "ZZ" ? "several countries" : s.country;
  return [s.organization, careSettings.label(s.care_setting), where, s.region].filter(Boolean).join(", ");
}

function population(record: CaseStudy): string {
  const p = record.population;
  const size =
    p.size !== undefined ? ` (n=${formatInteger(p.size)}${p.unit ? ` ${p.unit.replace("_", "-")}` : ""})` : "";
  return `${p.description}${size}`;
}

function outcomeRows(record: CaseStudy): string[] {
  const keys = record.sources.map((s) => s.key);
  const rows = record.outcomes.map((o) => {
    const before = formatBaselineFollowup(o) ?? "";
    const note = lacksPriceYear(o) ? " (dollar year not stated)" : "";
    const sourceNumber = keys.indexOf(o.source) + 1;
    return `| ${markdownText(outcomeName(o))} | ${markdownText(formatOutcomeValue(o) + note)} | ${markdownText(formatOutcomeContext(o))} | ${markdownText(before)} | [${sourceNumber}] |`;
  });
  return ["| Outcome | Figure | Compared with | Before → after | Source |", "|---|---|---|---|---|", ...rows];
}

function sourceLines(record: CaseStudy): string[] {
  return record.sources.map((s, i) => {
    const url = s.doi ? `https://doi.org/${s.doi}` : s.url;
    return `${i + 1}. ${markdownText(formatCitation(s))}${url ? ` <${url.replace(/[<>\s]/g, encodeURIComponent)}>` : ""}`;
  });
}

function recordSection(g: GradedRecord): string {
  const r = g.record;
  const lines = [`## ${markdownText(r.title)}`, ""];
  if (r.status !== "published") {
    lines.push(
      `**Status: ${statuses.label(r.status).toLowerCase()}.** ${r.status === "retracted" ? "This record was withdrawn; do not rely on its figures." : "This record is not yet published."}`,
      "",
    );
  }
  lines.push(
    `**Evidence grade ${g.grade.grade}** (${markdownText(g.grade.reason)}). **Provenance:** ${markdownText(PROVENANCE_WORDS[r.provenance])}.`,
    "",
    provenanceLine(r),
    "",
    markdownText(r.summary),
    "",
    `- Design: ${markdownText(designs.label(r.design))}`,
    `- Setting: ${markdownText(setting(r))}`,
    `- Population: ${markdownText(population(r))}`,
  );
  if (r.period)
    lines.push(
      `- Period: ${r.period.start}${r.period.end && r.period.end !== r.period.start ? ` to ${r.period.end}` : ""}`,
    );
  if (r.reviewed) lines.push(`- Last reviewed: ${r.reviewed}`);
  lines.push(`- Record: ${markdownLink(r.title, g.url)}`, "", ...outcomeRows(r), "", "Sources:", "", ...sourceLines(r));
  return lines.join("\n");
}

/** The collection as one Markdown document. */
export function toMarkdown(collection: ExportCollection, exported: Date): string {
  const graded = gradedRecords(collection);
  const head = [`# ${markdownText(collection.title)}`, ""];
  if (collection.description) head.push(markdownText(collection.description), "");
  const from = collection.url ? ` from ${markdownLink(collection.url, collection.url)}` : "";
  head.push(
    `Exported${from} on ${exported.toISOString().slice(0, 10)}: ${graded.length} case ${graded.length === 1 ? "study" : "studies"}. Evidence grades follow the rubric at ${markdownLink(`${collection.origin}/about/methods`, `${collection.origin}/about/methods`)}; figures are as the sources state them.`,
  );
  return `${[head.join("\n"), ...graded.map(recordSection)].join("\n\n")}\n`;
}
