/**
 * The scenarios of content/scenarios/, checked by the content build against their calculators' schemas and the
 * evidence base. The scenarios themselves are static data the routes read (`scenarios.json`, src/http/static-data.ts)
 * and pass in here; only each calculator's slugs are bundled (src/generated/scenario-slugs.ts), because the compute
 * route's query schema names them before any request. One function loads a scenario under explicit inputs, for the
 * calculator API, the calculator page and the embeds alike.
 */
import { scenarioSlugs } from "../generated/scenario-slugs";
import { type Scenario, withScenario } from "./scenario";

export type { Scenario, ScenarioReference } from "./scenario";

/** The slugs of one calculator's scenarios, in the build's order (by slug). */
export function scenarioSlugsFor(calculator: string): readonly string[] {
  return scenarioSlugs[calculator] ?? [];
}

/** The scenarios of one calculator, in the build's order (by slug). */
export function scenariosFor(scenarios: readonly Scenario[], calculator: string): Scenario[] {
  return scenarios.filter((s) => s.calculator === calculator);
}

/** One calculator's scenario by slug, or null. */
export function findScenario(scenarios: readonly Scenario[], calculator: string, slug: string): Scenario | null {
  return scenarios.find((s) => s.calculator === calculator && s.slug === slug) ?? null;
}

/**
 * The raw inputs for a calculator when `slug` names one of its scenarios: the scenario's inputs with `explicit`
 * over them. `null` when there is no such scenario (the caller says so: a 400 in the API, a notice on a page).
 */
export function loadScenario(
  scenarios: readonly Scenario[],
  calculator: string,
  slug: string,
  explicit: unknown,
): { scenario: Scenario; inputs: unknown } | null {
  const scenario = findScenario(scenarios, calculator, slug);
  return scenario ? { scenario, inputs: withScenario(scenario.inputs, explicit) } : null;
}
