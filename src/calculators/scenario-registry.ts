/**
 * The scenarios of content/scenarios/, bundled by the content build (src/generated/scenarios.ts) after it has checked
 * every input against its calculator's schema and every reference against the evidence base. One function loads a
 * scenario under explicit inputs, for the calculator API, the calculator page and the embeds alike.
 */
import { scenarios } from "../generated/scenarios";
import { type Scenario, withScenario } from "./scenario";

export type { Scenario, ScenarioReference } from "./scenario";

/** The scenarios of one calculator, in the build's order (by slug). */
export function scenariosFor(calculator: string): Scenario[] {
  return scenarios.filter((s) => s.calculator === calculator);
}

/** One calculator's scenario by slug, or null. */
export function findScenario(calculator: string, slug: string): Scenario | null {
  return scenarios.find((s) => s.calculator === calculator && s.slug === slug) ?? null;
}

/**
 * The raw inputs for a calculator when `slug` names one of its scenarios: the scenario's inputs with `explicit`
 * over them. `null` when there is no such scenario (the caller says so: a 400 in the API, a notice on a page).
 */
export function loadScenario(
  calculator: string,
  slug: string,
  explicit: unknown,
): { scenario: Scenario; inputs: unknown } | null {
  const scenario = findScenario(calculator, slug);
  return scenario ? { scenario, inputs: withScenario(scenario.inputs, explicit) } : null;
}
