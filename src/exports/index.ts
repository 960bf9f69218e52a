/**
 * The export formats, declared once: each one's name (the `format` query value), media type, file extension and
 * formatter. Routes, links and the OpenAPI document read this list, so adding a format is one entry here.
 */
import { toBibtex } from "./bibtex";
import { toCslJson } from "./csl";
import { toCsv } from "./csv";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";
import type { ExportCollection } from "./model";
import { toRis } from "./ris";

export interface ExportFormat {
  /** What a person reads in a download link. */
  label: string;
  contentType: string;
  extension: string;
  render(collection: ExportCollection, exported: Date): string;
}

export const EXPORT_FORMATS = {
  markdown: {
    label: "Markdown (for memos)",
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
    render: toMarkdown,
  },
  csv: {
    label: "CSV of outcomes",
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    render: toCsv,
  },
  json: {
    label: "JSON (data contract)",
    contentType: "application/json; charset=utf-8",
    extension: "json",
    render: toJson,
  },
  bibtex: { label: "BibTeX", contentType: "application/x-bibtex; charset=utf-8", extension: "bib", render: toBibtex },
  ris: {
    label: "RIS",
    contentType: "application/x-research-info-systems; charset=utf-8",
    extension: "ris",
    render: toRis,
  },
  "csl-json": {
    label: "CSL-JSON",
    contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    extension: "json",
    render: toCslJson,
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as [ExportFormatName, ...ExportFormatName[]];

export { downloadName, type ExportCollection } from "./model";
