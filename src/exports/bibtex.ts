/**
 * Citations as BibTeX that Zotero, JabRef and BibTeX itself read: every value in braces, the characters TeX treats
 * specially escaped (`\textbraceleft{}` rather than `\{`, because BibTeX counts every brace, escaped or not, so a
 * lone `\{` would unbalance the entry), capitals in titles protected with braces so styles do not lower-case
 * "Medicare" or "HbA1c", organisations as one braced name, and the citing case studies with grade and provenance in
 * `note`. Text stays UTF-8 (Zotero and biber read it; the download says charset=utf-8).
 */
import type { Source } from "../domain/case-study";
import { type CitedSource, citationNote, citedSources, type ExportCollection, gradedRecords, oneLine } from "./model";

const TEX_SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
  '"': '{"}',
  "<": "\\textless{}",
  ">": "\\textgreater{}",
};

/** Text with every TeX special character escaped, on one line. */
export function bibtexEscape(text: string): string {
  return oneLine(text).replace(/[\\{}%&$#_^~"<>]/g, (ch) => TEX_SPECIAL[ch] as string);
}

/** A title: escaped, and every word with a capital letter in braces, so styles keep its case. */
export function bibtexTitle(text: string): string {
  return oneLine(text)
    .split(" ")
    .map((word) => (/\p{Lu}/u.test(word) ? `{${bibtexEscape(word)}}` : bibtexEscape(word)))
    .join(" ");
}

/** URLs and DOIs go verbatim (the url package and Zotero read them raw), but a brace would unbalance the entry. */
function verbatim(text: string): string {
  return oneLine(text).replace(/[{}\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "Family, Given" stays as it is; a name without a comma is an organisation, kept whole in braces. */
function bibtexAuthor(author: string): string {
  const name = oneLine(author);
  if (!name.includes(",")) return `{${bibtexEscape(name)}}`;
  // "and" inside a name would split it into two people.
  return bibtexEscape(name).replace(/\band\b/gi, (word) => `{${word}}`);
}

const ENTRY_TYPE: Record<Source["kind"], string> = {
  journal_article: "article",
  government_report: "techreport",
  program_report: "techreport",
  regulation: "misc",
  press_release: "misc",
  news: "misc",
  web_page: "misc",
  source_document: "misc",
};

const PUBLISHER_FIELD: Record<string, string> = { article: "journal", techreport: "institution", misc: "howpublished" };

/** A citation key BibTeX accepts: letters, digits, hyphens. */
function citationKey(id: string): string {
  return id.replace(/[^A-Za-z0-9-]+/g, "-");
}

/** One work as a BibTeX entry. */
export function bibtexEntry(cited: CitedSource): string {
  const s = cited.source;
  const type = ENTRY_TYPE[s.kind];
  const fields: [string, string][] = [["title", bibtexTitle(s.title)]];
  if (s.authors?.length) fields.push(["author", s.authors.map(bibtexAuthor).join(" and ")]);
  if (s.publisher) fields.push([PUBLISHER_FIELD[type] as string, bibtexEscape(s.publisher)]);
  if (s.year !== undefined) fields.push(["year", String(s.year)]);
  if (s.doi) fields.push(["doi", verbatim(s.doi)]);
  if (s.url) fields.push(["url", verbatim(s.url)]);
  else if (s.doi) fields.push(["url", verbatim(`https://doi.org/${s.doi}`)]);
  if (s.accessed) fields.push(["urldate", s.accessed]);
  if (s.pmid) fields.push(["pmid", s.pmid]);
  fields.push(["note", bibtexEscape(citationNote(cited))]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n");
  return `@${type}{${citationKey(cited.id)},\n${body}\n}`;
}

/** Every source of the collection once, as a BibTeX file. */
export function toBibtex(collection: ExportCollection): string {
  return `${citedSources(gradedRecords(collection)).map(bibtexEntry).join("\n\n")}\n`;
}
