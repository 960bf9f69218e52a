/**
 * Key figures: a record's headline outcomes as displayed text, the same on a search hit, in the browse API and on a
 * card. Declared once here because both search and case studies show them.
 */
import * as z from "zod/mini";
import type { Outcome } from "./case-study";
import { formatAmount, formatOutcomeContext, formatOutcomeValue, outcomeName } from "./format";

export const keyFigureSchema = z.object({
  metric: z.string(),
  label: z.string(),
  text: z.string().register(z.globalRegistry, { description: 'The figure as displayed, e.g. "−18% vs before"' }),
});

export type KeyFigure = z.output<typeof keyFigureSchema>;

/** How many figures a summary shows. */
export const KEY_FIGURES_SHOWN = 3;

/**
 * Formatted figures by outcome. Formatting goes through toLocaleString, which builds an Intl formatter per call
 * (about 10 µs each, 300 µs for a page of hits); the text is a pure function of the outcome, so the isolate keeps
 * the most recent ones. Bounded: cleared when full.
 */
const figureCache = new Map<string, KeyFigure>();
const FIGURE_CACHE_SIZE = 5000;

/** One outcome as a key figure: its name and its value with what it is compared against. */
export function keyFigure(o: Outcome): KeyFigure {
  const key = JSON.stringify(o);
  let figure = figureCache.get(key);
  if (!figure) {
    if (figureCache.size >= FIGURE_CACHE_SIZE) figureCache.clear();
    const context = formatOutcomeContext(o);
    figure = {
      metric: o.metric,
      label: outcomeName(o),
      text: context ? `${formatOutcomeValue(o)} ${context}` : formatOutcomeValue(o),
    };
    figureCache.set(key, figure);
  }
  return figure;
}

type Comparison = Outcome["comparison"];

/** How many figures a search result card shows. */
export const CARD_FIGURES_SHOWN = 2;

/** "47.6% vs 27.4% with usual care": the group a baseline figure belongs to, in words. */
const BASELINE_GROUP: Record<Comparison, string> = {
  usual_care: "with usual care",
  control_group: "in the control group",
  matched_cohort: "in the matched comparison group",
  pre_period: "before",
  benchmark: "for the benchmark",
  none: "",
};

/** A label without its parenthetical details: "Responders at 6 months, … (responder: …)" → "Responders at 6 months, …". */
function withoutAsides(label: string): string {
  return label.replace(/\s*\([^)]*\)/g, "").trim() || label;
}

/** A label up to its first comma: "Responders at 6 months, verum acupuncture vs …" → "Responders at 6 months". */
function headOf(label: string): string {
  return withoutAsides(label).split(", ")[0] ?? label;
}

/** One outcome as one line of plain words for a card: a level with its comparison group's figure beside it. */
function cardText(o: Outcome): string {
  if (o.kind === "level" && o.baseline !== undefined && o.comparison !== "none") {
    return `${formatAmount(o.value, o.unit)} vs ${formatAmount(o.baseline, o.unit)} ${BASELINE_GROUP[o.comparison]}`;
  }
  // The horizon is left to the record's page; a count keeps its n ("3, n=11"), which says what it is out of.
  const context = formatOutcomeContext({ ...o, horizon_months: undefined, n: o.unit === "count" ? o.n : undefined });
  return context ? `${formatOutcomeValue(o)} ${context}` : formatOutcomeValue(o);
}

/**
 * A search card's figures: at most CARD_FIGURES_SHOWN, each one line of plain words ("Responders at 6 months: 47.6%
 * vs 27.4% with usual care"). Names are cut to their head (up to the first comma) unless two shown figures would then
 * read the same, when they keep everything but their parenthetical asides. The record's page shows every detail.
 */
export function cardFigures(
  outcomes: readonly Outcome[],
  { first = null }: { first?: string | null } = {},
): KeyFigure[] {
  const ordered = first
    ? [...outcomes.filter((o) => o.metric === first), ...outcomes.filter((o) => o.metric !== first)]
    : outcomes;
  const shown = ordered.slice(0, CARD_FIGURES_SHOWN);
  const heads = shown.map((o) => headOf(outcomeName(o)));
  const distinct = new Set(heads).size === heads.length;
  return shown.map((o, i) => ({
    metric: o.metric,
    label: distinct ? (heads[i] as string) : withoutAsides(outcomeName(o)),
    text: cardText(o),
  }));
}

/**
 * Up to `max` headline figures in the record's order; with `first`, that metric's figures come first (search puts
 * the figure it ranks by in front).
 */
export function keyFigures(
  outcomes: readonly Outcome[],
  { first = null, max = KEY_FIGURES_SHOWN }: { first?: string | null; max?: number } = {},
): KeyFigure[] {
  const ordered = first
    ? [...outcomes.filter((o) => o.metric === first), ...outcomes.filter((o) => o.metric !== first)]
    : outcomes;
  return ordered.slice(0, max).map(keyFigure);
}
