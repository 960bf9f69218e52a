/**
 * Which browser file a calculator's page and embed frame load: its own bundle (calculator-<id>.js, built by
 * scripts/client-build.ts), so a page carries one calculator's engine, not six.
 */
import type { CalculatorId } from "../../calculators";
import { assetPaths } from "../../generated/assets";

/** The hashed path of calculator `id`'s script, or undefined when the build has none (then the form works without JS). */
export function calculatorScript(id: CalculatorId): string | undefined {
  const paths: Record<string, string> = assetPaths;
  return paths[`calculator-${id}.js`];
}
