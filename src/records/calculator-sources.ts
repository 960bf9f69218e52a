/**
 * The sources a calculator's figures cite, read for display: the titles of the case studies and the summaries of the
 * reference figures its defaults (and the scenario it was opened with, if any) name. The calculator page and the
 * calculator embed both show them beside the inputs, so the lookup lives once, here. A failed lookup costs only the
 * titles and details (the form still works, the source line falls back to the slug's page link).
 */
import { type CalculatorId, calculators } from "../calculators";
import type { Scenario } from "../calculators/scenario-registry";
import type { FigureSummary } from "../domain/reference-figure";
import { findCaseStudyTitles } from "./read";
import { findFigureSummaries } from "./reference-figures-read";

/** Slugs of the case studies and of the reference figures a calculator's defaults (and its scenario) cite. */
export function citedSlugs(id: CalculatorId, scenario: Scenario | null): { cases: string[]; figures: string[] } {
  const cases = new Set<string>();
  const figures = new Set<string>();
  for (const entry of Object.values(calculators[id].defaultsWithReferences())) {
    if (entry.reference.kind === "case_study") cases.add(entry.reference.slug);
    if (entry.reference.kind === "reference_figure") figures.add(entry.reference.slug);
  }
  for (const ref of Object.values(scenario?.references ?? {})) {
    if ("case_study" in ref) cases.add(ref.case_study);
    if ("reference_figure" in ref) figures.add(ref.reference_figure);
  }
  return { cases: [...cases], figures: [...figures] };
}

export interface CalculatorSources {
  /** Case-study titles by slug. */
  titles: Record<string, string>;
  /** Reference-figure summaries by slug. */
  figures: Record<string, FigureSummary>;
}

async function orEmpty<T extends object>(what: string, read: Promise<T>): Promise<T | Record<string, never>> {
  try {
    return await read;
  } catch (error) {
    console.error(`calculator sources: ${what} unavailable`, error);
    return {};
  }
}

/** The cited case-study titles and reference-figure summaries, read side by side. */
export async function calculatorSources(
  db: D1Database,
  id: CalculatorId,
  scenario: Scenario | null,
): Promise<CalculatorSources> {
  const cited = citedSlugs(id, scenario);
  const [titles, figures] = await Promise.all([
    orEmpty("case-study titles", findCaseStudyTitles(db, cited.cases)),
    orEmpty("reference figures", findFigureSummaries(db, cited.figures)),
  ]);
  return { titles, figures };
}
