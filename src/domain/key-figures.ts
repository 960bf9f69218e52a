/**
 * Key figures: a record's headline outcomes as displayed text, the same on a search hit, in the browse API and on a
 * card. Declared once here because both search and case studies show them.
 */
import * as z from "zod";
import type { Outcome } from "./case-study";
import { formatOutcomeContext, formatOutcomeValue, outcomeName } from "./format";

export const keyFigureSchema = z.object({
  metric: z.string(),
  label: z.string(),
  text: z.string().describe('The figure as displayed, e.g. "−18% vs before"'),
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
    figure = { metric: o.metric, label: outcomeName(o), text: `${formatOutcomeValue(o)} ${formatOutcomeContext(o)}` };
    figureCache.set(key, figure);
  }
  return figure;
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
