/**
 * Small SVG charts as strings: pure functions shared by the server (pages, briefs, print) and the browser (live
 * recalculation). Accessible (role="img", <title>, <desc>, a data table is expected beside every chart), and styled
 * only with presentation attributes because the CSP forbids inline style.
 */
import { escapeHtml } from "../domain/html";

export type Formatter = (value: number) => string;

const WIDTH = 640;
const COLORS = {
  positive: "#1a7f37",
  negative: "#b42318",
  neutral: "#0b5cad",
  muted: "#8a949e",
  grid: "#d7dde3",
  ink: "#1d232a",
};
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) || 1;
    min -= pad;
    max += pad;
  }
  const span = max - min;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= count) ?? 10 * magnitude;
  const ticks: number[] = [];
  // The last tick is at or above max, so the scale (first to last tick) holds every value.
  const end = Math.ceil(max / step - 1e-9) * step;
  for (let t = Math.floor(min / step) * step; t <= end + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function frame(title: string, description: string, height: number, body: string): string {
  const id = `c${Math.abs(hash(title + description)).toString(36)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" class="chart"><title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(description)}</desc>${body}</svg>`;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

function text(x: number, y: number, content: string, anchor: "start" | "middle" | "end" = "start", extra = ""): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}" ${FONT} fill="${COLORS.ink}" ${extra}>${escapeHtml(content)}</text>`;
}

export interface BarSeriesChart {
  title: string;
  description: string;
  categories: string[];
  /** One bar per category, coloured by sign. */
  bars: { label: string; values: number[] };
  /** An optional line across the categories, e.g. cumulative net. */
  line?: { label: string; values: number[] };
  format: Formatter;
}

/** Bars per period (green above zero, red below) with an optional cumulative line. */
export function barLineChart(chart: BarSeriesChart): string {
  const height = 300;
  const left = 80;
  const right = 20;
  const top = 30;
  const bottom = 50;
  const all = [...chart.bars.values, ...(chart.line?.values ?? []), 0].filter(Number.isFinite);
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const lo = ticks[0] as number;
  const hi = ticks[ticks.length - 1] as number;
  const plotW = WIDTH - left - right;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const n = Math.max(1, chart.categories.length);
  const band = plotW / n;
  const barW = Math.max(2, Math.min(48, band * 0.6));
  const x = (i: number) => left + band * i + band / 2;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line x1="${left}" x2="${WIDTH - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${t === 0 ? COLORS.ink : COLORS.grid}" stroke-width="1"/>`,
    );
    parts.push(text(left - 6, y(t) + 4, chart.format(t), "end"));
  }
  const labelEvery = Math.ceil(n / 12);
  chart.bars.values.forEach((v, i) => {
    const y0 = y(0);
    const y1 = y(v);
    parts.push(
      `<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${Math.min(y0, y1).toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0.5, Math.abs(y1 - y0)).toFixed(1)}" fill="${v >= 0 ? COLORS.positive : COLORS.negative}"><title>${escapeHtml(`${chart.categories[i]}: ${chart.format(v)}`)}</title></rect>`,
    );
    if (i % labelEvery === 0) parts.push(text(x(i), height - bottom + 16, chart.categories[i] ?? "", "middle"));
  });
  if (chart.line) {
    const points = chart.line.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    parts.push(`<polyline points="${points}" fill="none" stroke="${COLORS.neutral}" stroke-width="2.5"/>`);
    chart.line.values.forEach((v, i) => {
      parts.push(
        `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${COLORS.neutral}"><title>${escapeHtml(`${chart.line?.label}, ${chart.categories[i]}: ${chart.format(v)}`)}</title></circle>`,
      );
    });
  }
  // Legend
  parts.push(`<rect x="${left}" y="8" width="12" height="12" fill="${COLORS.positive}"/>`);
  parts.push(text(left + 16, 18, chart.bars.label));
  if (chart.line) {
    parts.push(
      `<line x1="${left + 200}" x2="${left + 220}" y1="14" y2="14" stroke="${COLORS.neutral}" stroke-width="2.5"/>`,
    );
    parts.push(text(left + 226, 18, chart.line.label));
  }
  return frame(chart.title, chart.description, height, parts.join(""));
}

export interface TornadoChart {
  title: string;
  description: string;
  /** The value with every input at its base. */
  base: number;
  rows: { label: string; low: number; high: number }[];
  format: Formatter;
}

/** Horizontal bars from the base value to the result at the low and high input, largest swing first. */
export function tornadoChart(chart: TornadoChart): string {
  const rowH = 28;
  const top = 30;
  const left = 220;
  const right = 30;
  const height = top + chart.rows.length * rowH + 40;
  const all = [chart.base, ...chart.rows.flatMap((r) => [r.low, r.high])].filter(Number.isFinite);
  const ticks = niceTicks(Math.min(...all), Math.max(...all), 4);
  const lo = ticks[0] as number;
  const hi = ticks[ticks.length - 1] as number;
  const plotW = WIDTH - left - right;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * plotW;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 6}" y2="${height - 34}" stroke="${COLORS.grid}"/>`,
    );
    parts.push(text(x(t), height - 18, chart.format(t), "middle"));
  }
  chart.rows.forEach((row, i) => {
    const yMid = top + i * rowH + rowH / 2;
    parts.push(text(left - 8, yMid + 4, row.label, "end"));
    for (const [value, fill] of [
      [row.low, COLORS.negative],
      [row.high, COLORS.positive],
    ] as const) {
      const x0 = x(chart.base);
      const x1 = x(value);
      parts.push(
        `<rect x="${Math.min(x0, x1).toFixed(1)}" y="${(yMid - 9).toFixed(1)}" width="${Math.max(0.5, Math.abs(x1 - x0)).toFixed(1)}" height="18" fill="${fill}" fill-opacity="0.85"><title>${escapeHtml(`${row.label}: ${chart.format(value)}`)}</title></rect>`,
      );
    }
  });
  parts.push(
    `<line x1="${x(chart.base).toFixed(1)}" x2="${x(chart.base).toFixed(1)}" y1="${top - 10}" y2="${height - 34}" stroke="${COLORS.ink}" stroke-width="2"/>`,
  );
  parts.push(text(x(chart.base), top - 14, `base ${chart.format(chart.base)}`, "middle"));
  return frame(chart.title, chart.description, height, parts.join(""));
}

export interface HistogramChart {
  title: string;
  description: string;
  values: ArrayLike<number>;
  bins?: number;
  markers?: { label: string; value: number }[];
  format: Formatter;
}

/** A histogram of draws, with vertical markers (e.g. 0, P10, P50, P90). */
export function histogramChart(chart: HistogramChart): string {
  const height = 260;
  const left = 50;
  const right = 20;
  const top = 30;
  const bottom = 40;
  const values = Array.from(chart.values).filter(Number.isFinite);
  const bins = chart.bins ?? 30;
  let min = Math.min(...values, ...(chart.markers ?? []).map((m) => m.value));
  let max = Math.max(...values, ...(chart.markers ?? []).map((m) => m.value));
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 1;
  }
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor(((v - min) / (max - min)) * bins))]! += 1;
  const peak = Math.max(1, ...counts);
  const plotW = WIDTH - left - right;
  const plotH = height - top - bottom;
  const x = (v: number) => left + ((v - min) / (max - min)) * plotW;
  const parts: string[] = [];
  counts.forEach((count, i) => {
    const h = (count / peak) * plotH;
    const from = min + ((max - min) * i) / bins;
    const to = min + ((max - min) * (i + 1)) / bins;
    parts.push(
      `<rect x="${(left + (plotW * i) / bins + 0.5).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${Math.max(0.5, plotW / bins - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${to <= 0 ? COLORS.negative : COLORS.positive}" fill-opacity="0.8"><title>${escapeHtml(`${chart.format(from)} to ${chart.format(to)}: ${count} draws`)}</title></rect>`,
    );
  });
  parts.push(
    `<line x1="${left}" x2="${WIDTH - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="${COLORS.ink}"/>`,
  );
  for (const t of niceTicks(min, max, 5)) {
    if (t < min || t > max) continue;
    parts.push(text(x(t), height - bottom + 16, chart.format(t), "middle"));
  }
  (chart.markers ?? []).forEach((m, i) => {
    parts.push(
      `<line x1="${x(m.value).toFixed(1)}" x2="${x(m.value).toFixed(1)}" y1="${top - 4}" y2="${top + plotH}" stroke="${COLORS.ink}" stroke-dasharray="4 3"/>`,
    );
    parts.push(text(x(m.value), top - 8 - (i % 2) * 12, m.label, "middle"));
  });
  return frame(chart.title, chart.description, height, parts.join(""));
}

export interface ComparisonChart {
  title: string;
  description: string;
  items: { label: string; value: number; highlight?: boolean }[];
  format: Formatter;
}

/** Horizontal bars side by side, e.g. the annual cost of each payment option; the highlighted one is the cheapest. */
export function comparisonChart(chart: ComparisonChart): string {
  const rowH = 36;
  const top = 10;
  const left = 170;
  const right = 110;
  const height = top + chart.items.length * rowH + 10;
  const max = Math.max(1, ...chart.items.map((i) => Math.abs(i.value)).filter(Number.isFinite));
  const plotW = WIDTH - left - right;
  const parts: string[] = [];
  chart.items.forEach((item, i) => {
    const yMid = top + i * rowH + rowH / 2;
    const w = (Math.abs(item.value) / max) * plotW;
    parts.push(text(left - 8, yMid + 4, item.label, "end"));
    parts.push(
      `<rect x="${left}" y="${(yMid - 11).toFixed(1)}" width="${Math.max(0.5, w).toFixed(1)}" height="22" fill="${item.highlight ? COLORS.positive : COLORS.muted}"/>`,
    );
    parts.push(
      text(
        left + w + 6,
        yMid + 4,
        `${chart.format(item.value)}${item.highlight ? " (lowest)" : ""}`,
        "start",
        item.highlight ? 'font-weight="700"' : "",
      ),
    );
  });
  return frame(chart.title, chart.description, height, parts.join(""));
}
