/**
 * A brief as a download, curated (`/api/v1/exports/briefs/{slug}`) or composed (`/api/v1/exports/composed-brief?
 * cases=…`), in every export format of src/exports/. The Markdown memo leads with the brief itself (question, key
 * messages, the synthesis in words, the narrative and the caveats) before the records that B2's formatter writes.
 */
import * as z from "zod/mini";
import { MAX_BRIEF_CASES } from "../domain/brief";
import { metrics } from "../domain/enums";
import { formatNumber } from "../domain/numbers";
import type { EXPORT_FORMATS, ExportCollection } from "../exports";
import { exportDownload, exportFormatField, exportResponse } from "../exports/download";
import { markdownText } from "../exports/markdown";
import { defineRoute } from "../http/route";
import { composedModel, curatedModel } from "./load";
import { type BriefModel, composedMessages, formatAs } from "./model";

const briefParams = z.object({
  slug: z.string().register(z.globalRegistry, { description: "The brief's slug, as in /briefs/{slug}" }),
});

/** The brief's own part of the memo, in Markdown (record text escaped; the narrative is authored Markdown). */
export function briefPreamble(model: BriefModel): string {
  const lines: string[] = [];
  if (model.curated)
    lines.push(
      `**Question:** ${markdownText(model.curated.question)}`,
      "",
      `**For:** ${markdownText(model.curated.audience)}`,
      "",
    );
  const messages = model.curated?.key_messages ?? composedMessages(model.synthesis);
  if (messages.length) lines.push("## Key messages", "", ...messages.map((m, i) => `${i + 1}. ${markdownText(m)}`), "");
  lines.push("## What the records show", "");
  for (const m of model.synthesis.metrics) {
    if (m.record_count === 0) continue;
    lines.push(`### ${markdownText(metrics.label(m.metric))}`, "");
    for (const g of m.groups) {
      const o = g.figures[0]?.outcome;
      if (!o) continue;
      const weighted =
        g.weighted_mean === null
          ? "sizes not stated"
          : `n-weighted mean ${formatAs(o, g.weighted_mean)} (n=${formatNumber(g.weighted_n, 0)})`;
      lines.push(
        `- ${g.count} comparable figures (${markdownText(o.kind.replace(/_/g, " "))}, vs ${markdownText(o.comparison.replace(/_/g, " "))}): median ${markdownText(formatAs(o, g.median))}, range ${markdownText(formatAs(o, g.min))} to ${markdownText(formatAs(o, g.max))}, ${markdownText(weighted)}${g.includes_illustrative ? " (includes illustrative figures)" : ""}`,
      );
    }
    for (const f of m.apart)
      lines.push(`- Listed apart: ${markdownText(formatAs(f.outcome))}, ${markdownText(f.title)} (grade ${f.grade})`);
    for (const f of m.illustrative)
      lines.push(`- Illustrative, not pooled: ${markdownText(formatAs(f.outcome))}, ${markdownText(f.title)}`);
    lines.push("");
  }
  if (model.calculator) {
    lines.push(
      "## What it would mean for you",
      "",
      `Program ROI calculator with a ${model.calculator.reductionPct}% reduction in ${markdownText(model.calculator.line.toLowerCase())} (the median of ${model.calculator.figures.length} figure(s) in this brief).`,
      "",
    );
  }
  if (model.body_html && model.curated)
    lines.push("## The evidence in words", "", model.curated.body.replace(/^(#{2,5}) /gm, "#$1 "), "");
  if (model.caveats.length) lines.push("## Caveats", "", ...model.caveats.map((c) => `- ${markdownText(c)}`), "");
  if (model.notFound.length) lines.push(`Not found and left out: ${markdownText(model.notFound.join(", "))}`, "");
  return lines.join("\n");
}

async function download(
  model: BriefModel,
  format: keyof typeof EXPORT_FORMATS,
  origin: string,
  name: string,
): Promise<Response> {
  const collection: ExportCollection = {
    title: model.title,
    ...(model.curated ? { description: model.curated.question } : {}),
    url: `${origin}${model.path}`,
    origin,
    records: model.rows.map((r) => r.record),
  };
  const response = exportDownload(format, collection, name, new Date());
  if (format !== "markdown") return response;
  // The record sections start at the first "## "; the brief's own part goes before them.
  const text = await response.text();
  const at = text.indexOf("\n\n## ");
  const memo =
    at === -1
      ? `${text}\n${briefPreamble(model)}`
      : `${text.slice(0, at)}\n\n${briefPreamble(model)}\n# The records\n${text.slice(at)}`;
  return new Response(memo, { headers: response.headers });
}

export const briefExportRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/exports/briefs/{slug}",
    tag: "Exports",
    summary: "Export a curated brief",
    description:
      "The brief as a Markdown memo (question, key messages, the synthesis, narrative, caveats, then every record), CSV of its records' outcomes, JSON in the data contract's shape, or the sources as BibTeX, RIS or CSL-JSON. `include_illustrative=1` pools illustrative figures in the memo's synthesis.",
    params: briefParams,
    query: {
      schema: z.object({ format: exportFormatField("markdown"), include_illustrative: z.optional(z.string()) }),
    },
    responses: { 200: exportResponse, 404: { description: "No brief has this slug" } },
    handler: async (c, { params, query }) =>
      download(await curatedModel(c, params.slug), query.format, new URL(c.req.url).origin, params.slug),
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/exports/composed-brief",
    tag: "Exports",
    summary: "Export a composed brief",
    description: `The brief of /briefs/compose?cases=… (up to ${MAX_BRIEF_CASES} records; unknown slugs are listed as not found) in the same formats as a curated brief.`,
    query: {
      schema: z.object({
        cases: z
          .string()
          .check(z.maxLength(2000))
          .register(z.globalRegistry, { description: "Comma-separated case-study slugs, in order" }),
        format: exportFormatField("markdown"),
        include_illustrative: z.optional(z.string()),
      }),
    },
    responses: { 200: exportResponse },
    handler: async (c, { query }) =>
      download(await composedModel(c), query.format, new URL(c.req.url).origin, "composed-brief"),
  }),
];
