/**
 * A dot plot of comparable figures, drawn on the server as an SVG string: one row per figure, the dot's area by its
 * sample size, its fill by evidence grade (with the grade letter printed beside the label, so it reads in grey on
 * paper), a confidence interval as a whisker where known, and the no-effect line (0 for changes, 1 for ratios).
 * Presentation attributes only (the CSP forbids inline style); a data table is expected beside it for screen readers.
 */
import type { Grade } from "../domain/grading";
import { escapeHtml } from "../domain/html";

export interface DotPlotRow {
  label: string;
  value: number;
  low?: number;
  high?: number;
  /** Sample size; null draws a square of fixed size (size unknown). */
  n: number | null;
  grade: Grade;
  /** Drawn hollow with a dashed outline. */
  illustrative: boolean;
}

export interface DotPlot {
  title: string;
  description: string;
  rows: readonly DotPlotRow[];
  /** Where "no effect" lies (drawn as a line), or null when the scale has none (levels). */
  reference: number | null;
  format: (value: number) => string;
}

const WIDTH = 640;
const LABEL_WIDTH = 250;
const RIGHT = 24;
const ROW = 30;
const TOP = 12;
const AXIS = 44;
const LEGEND = 22;
const MAX_RADIUS = 11;
const MIN_RADIUS = 3.5;
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';
const INK = "#1d232a";
const GRID = "#d7dde3";
/** The grade colours of the stylesheet (--gA … --gE). */
export const GRADE_FILL: Record<Grade, string> = {
  A: "#1a7f37",
  B: "#2f6f9f",
  C: "#8a6d00",
  D: "#a2461f",
  E: "#6b6b6b",
};

function niceStep(span: number): number {
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= 5) ?? 10 * magnitude;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}\u2026`;
}

function id(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return `dp${Math.abs(h).toString(36)}`;
}

/** The SVG markup of a dot plot (empty string when there are no rows). */
export function dotPlot(plot: DotPlot): string {
  if (plot.rows.length === 0) return "";
  const values = plot.rows.flatMap((r) => [r.value, r.low ?? r.value, r.high ?? r.value]);
  if (plot.reference !== null) values.push(plot.reference);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    const pad = Math.abs(min) / 2 || 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min);
  const lo = Math.floor(min / step - 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const plotLeft = LABEL_WIDTH + 16;
  const plotRight = WIDTH - RIGHT;
  const x = (v: number) => plotLeft + ((v - lo) / (hi - lo)) * (plotRight - plotLeft);
  const height = TOP + plot.rows.length * ROW + AXIS + LEGEND;
  const axisY = TOP + plot.rows.length * ROW + 6;
  const maxN = Math.max(1, ...plot.rows.map((r) => r.n ?? 0));
  const parts: string[] = [];

  for (let t = lo; t <= hi + step * 1e-9; t += step) {
    const tick = Number(t.toPrecision(12));
    const tx = x(tick).toFixed(1);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${TOP}" y2="${axisY}" stroke="${GRID}" stroke-width="1"/>`);
    parts.push(
      `<text x="${tx}" y="${axisY + 16}" text-anchor="middle" ${FONT} fill="${INK}">${escapeHtml(plot.format(tick))}</text>`,
    );
  }
  parts.push(`<line x1="${plotLeft}" x2="${plotRight}" y1="${axisY}" y2="${axisY}" stroke="${INK}" stroke-width="1"/>`);
  if (plot.reference !== null) {
    const rx = x(plot.reference).toFixed(1);
    parts.push(
      `<line x1="${rx}" x2="${rx}" y1="${TOP - 4}" y2="${axisY}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    // Near an edge the label would run off the chart, so it hangs inwards from the line.
    const anchor = Number(rx) > WIDTH - 90 ? "end" : Number(rx) < plotLeft + 90 ? "start" : "middle";
    parts.push(
      `<text x="${rx}" y="${axisY + 32}" text-anchor="${anchor}" ${FONT} fill="${INK}">no effect (${escapeHtml(plot.format(plot.reference))})</text>`,
    );
  }

  plot.rows.forEach((row, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    const colour = GRADE_FILL[row.grade];
    const label = row.illustrative
      ? `${row.grade} · ${shorten(row.label, 22)} (illustrative)`
      : `${row.grade} · ${shorten(row.label, 36)}`;
    parts.push(
      `<text x="${LABEL_WIDTH}" y="${(cy + 4).toFixed(1)}" text-anchor="end" ${FONT} fill="${INK}">${escapeHtml(label)}</text>`,
    );
    if (row.low !== undefined && row.high !== undefined) {
      const [x1, x2] = [x(row.low).toFixed(1), x(row.high).toFixed(1)];
      parts.push(`<line x1="${x1}" x2="${x2}" y1="${cy}" y2="${cy}" stroke="${INK}" stroke-width="1.5"/>`);
      for (const wx of [x1, x2]) {
        parts.push(`<line x1="${wx}" x2="${wx}" y1="${cy - 5}" y2="${cy + 5}" stroke="${INK}" stroke-width="1.5"/>`);
      }
    }
    const cx = x(row.value).toFixed(1);
    const paint = row.illustrative
      ? `fill="#ffffff" stroke="${colour}" stroke-width="2" stroke-dasharray="3 2"`
      : `fill="${colour}" stroke="#ffffff" stroke-width="1"`;
    if (row.n === null) {
      const s = 5;
      parts.push(
        `<rect x="${(Number(cx) - s).toFixed(1)}" y="${cy - s}" width="${2 * s}" height="${2 * s}" ${paint}/>`,
      );
    } else {
      const r = Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(row.n / maxN));
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${r.toFixed(1)}" ${paint}/>`);
    }
  });
  parts.push(
    `<text x="8" y="${height - 6}" ${FONT} fill="${INK}">Dot area: sample size. Square: size not stated. Dashed outline: illustrative. Letter: evidence grade.</text>`,
  );

  const key = id(plot.title + plot.description);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${key}-t ${key}-d" class="chart dot-plot"><title id="${key}-t">${escapeHtml(plot.title)}</title><desc id="${key}-d">${escapeHtml(plot.description)}</desc>${parts.join("")}</svg>`;
}
