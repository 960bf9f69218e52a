/**
 * Synthesis of outcomes across records, per metric: pure, so briefs, the summary API and (later) search share it.
 *
 * Rules (the methods a reader is told on every brief):
 * - Figures pool only when they are comparable: same metric, same kind, same unit, same comparison (a trial against
 *   sham and one against usual care answer different questions), and for money the same "per". Each comparable set
 *   of two or more figures is a group with a count, median, range and, where sizes are known, an n-weighted mean.
 *   A figure that has no comparable partner, and every `other` outcome (each measures something of its own), is
 *   listed apart, never pooled.
 * - Illustrative figures are listed apart and never pooled unless the reader asks (`includeIllustrative`).
 * - Retracted records are left out, and named as left out.
 * - The grade mix counts the records behind the figures shown (pooled or apart), one per record.
 */
import type { Outcome, Source } from "./case-study";
import { type Grade, grades } from "./grading";

/** What synthesis needs of a record (a search hit or a full record both have it). */
export interface SynthesisRecord {
  slug: string;
  title: string;
  grade: Grade;
  provenance: string;
  status: string;
  outcomes: readonly Outcome[];
  /** Sources, when known, so each figure can name and link its own. */
  sources?: readonly Source[];
  /** The record's population size: an outcome's sample when it states none. */
  population_size?: number;
}

/** One outcome of one record, with where it comes from. */
export interface Figure {
  slug: string;
  title: string;
  grade: Grade;
  provenance: string;
  /** Position of the outcome in its record (stable across reads), for links and keys. */
  outcome_index: number;
  outcome: Outcome;
  /** The sample behind the figure: the outcome's `n`, else the record's population size; null when unknown. */
  n: number | null;
  source: Source | null;
  illustrative: boolean;
}

/** A set of comparable figures, pooled. */
export interface FigureGroup {
  metric: Outcome["metric"];
  kind: Outcome["kind"];
  unit: Outcome["unit"];
  comparison: Outcome["comparison"];
  per: Outcome["per"] | null;
  figures: Figure[];
  count: number;
  median: number;
  min: number;
  max: number;
  /** Σ n·value / Σ n over the figures whose n is known; null when none is. */
  weighted_mean: number | null;
  /** How many figures (and how many people, summed) the weighted mean rests on. */
  weighted_figures: number;
  weighted_n: number;
  /** True when illustrative figures were asked in and some are in this group. */
  includes_illustrative: boolean;
}

export interface MetricSynthesis {
  metric: Outcome["metric"];
  /** Comparable sets of two or more figures, largest first. */
  groups: FigureGroup[];
  /** Figures with no comparable partner (and every `other` outcome): shown, not pooled. */
  apart: Figure[];
  /** Illustrative figures, apart (empty when they were asked into the groups). */
  illustrative: Figure[];
  /** Records behind the figures shown, by grade (illustrative ones only when asked in). */
  grade_mix: Record<Grade, number>;
  /** Records with at least one figure for this metric (pooled or apart, illustrative included). */
  record_count: number;
}

export interface Synthesis {
  metrics: MetricSynthesis[];
  /** Records left out, and why (retracted). */
  left_out: { slug: string; title: string; reason: string }[];
  include_illustrative: boolean;
}

export interface SynthesisOptions {
  /** Metrics to synthesise, in this order; by default every metric the records report, most figures first. */
  metrics?: readonly Outcome["metric"][];
  includeIllustrative?: boolean;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The key under which figures are comparable (see the rules above). */
export function comparabilityKey(o: Outcome): string {
  return [o.metric, o.kind, o.unit, o.comparison, o.unit === "usd" ? (o.per ?? "") : ""].join("|");
}

function figuresOf(record: SynthesisRecord): Figure[] {
  const illustrative = record.provenance === "illustrative";
  return record.outcomes.map((outcome, index) => ({
    slug: record.slug,
    title: record.title,
    grade: record.grade,
    provenance: record.provenance,
    outcome_index: index,
    outcome,
    n: outcome.n ?? record.population_size ?? null,
    source: record.sources?.find((s) => s.key === outcome.source) ?? null,
    illustrative,
  }));
}

function pool(figures: Figure[]): FigureGroup {
  const first = (figures[0] as Figure).outcome;
  const values = figures.map((f) => f.outcome.value);
  const sized = figures.filter((f) => f.n !== null);
  const weightedN = sized.reduce((sum, f) => sum + (f.n as number), 0);
  return {
    metric: first.metric,
    kind: first.kind,
    unit: first.unit,
    comparison: first.comparison,
    per: first.unit === "usd" ? (first.per ?? null) : null,
    figures,
    count: figures.length,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    weighted_mean: sized.length
      ? sized.reduce((sum, f) => sum + (f.n as number) * f.outcome.value, 0) / weightedN
      : null,
    weighted_figures: sized.length,
    weighted_n: weightedN,
    includes_illustrative: figures.some((f) => f.illustrative),
  };
}

function emptyMix(): Record<Grade, number> {
  return Object.fromEntries(grades.map((g) => [g, 0])) as Record<Grade, number>;
}

/** Synthesises the records' outcomes per metric (see the module's rules). */
export function synthesise(records: readonly SynthesisRecord[], options: SynthesisOptions = {}): Synthesis {
  const includeIllustrative = options.includeIllustrative ?? false;
  const left_out: Synthesis["left_out"] = [];
  const figures: Figure[] = [];
  for (const record of records) {
    if (record.status === "retracted") {
      left_out.push({ slug: record.slug, title: record.title, reason: "retracted" });
      continue;
    }
    figures.push(...figuresOf(record));
  }

  const byMetric = new Map<Outcome["metric"], Figure[]>();
  for (const figure of figures) {
    const list = byMetric.get(figure.outcome.metric) ?? [];
    list.push(figure);
    byMetric.set(figure.outcome.metric, list);
  }
  const order =
    options.metrics ??
    [...byMetric.entries()]
      .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([metric]) => metric);

  const result: MetricSynthesis[] = order.map((metric) => {
    const all = byMetric.get(metric) ?? [];
    const illustrative = includeIllustrative ? [] : all.filter((f) => f.illustrative);
    const poolable = includeIllustrative ? all : all.filter((f) => !f.illustrative);
    const apart: Figure[] = [];
    const sets = new Map<string, Figure[]>();
    for (const figure of poolable) {
      if (metric === "other") {
        apart.push(figure);
        continue;
      }
      const key = comparabilityKey(figure.outcome);
      sets.set(key, [...(sets.get(key) ?? []), figure]);
    }
    const groups: FigureGroup[] = [];
    for (const set of sets.values()) {
      if (set.length >= 2) groups.push(pool(set));
      else apart.push(...set);
    }
    // Largest first; ties keep the order the figures came in (stable sort).
    groups.sort((a, b) => b.count - a.count);
    const grade_mix = emptyMix();
    const shown = new Map<string, Grade>();
    for (const f of poolable) shown.set(f.slug, f.grade);
    for (const grade of shown.values()) grade_mix[grade] += 1;
    return {
      metric,
      groups,
      apart,
      illustrative,
      grade_mix,
      record_count: new Set(all.map((f) => f.slug)).size,
    };
  });
  return { metrics: result, left_out, include_illustrative: includeIllustrative };
}

/** Where "no effect" lies on a figure's scale: 1 for ratios, 0 for changes and differences, none for levels. */
export function noEffectValue(kind: Outcome["kind"]): number | null {
  switch (kind) {
    case "risk_ratio":
    case "odds_ratio":
    case "hazard_ratio":
    case "ratio":
      return 1;
    case "relative_change":
    case "absolute_change":
    case "standardized_mean_difference":
      return 0;
    default:
      return null;
  }
}
