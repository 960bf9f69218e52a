/**
 * npm run bench — every performance and size figure, each measured against a baseline in the same run
 * (these machines are shared and noisy, so absolute times mean little; ratios travel).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { benchSize } from "./bench-size";
import { benchTargets, printTargets } from "./lib/bench-targets";

process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = {};

if (wanted("size")) results.size = await benchSize();

const here = import.meta.dirname ?? ".";
if (wanted("calculators") && existsSync(resolve(here, "bench-calculators.ts"))) {
  const { benchCalculators } = await import("./bench-calculators");
  results.calculators = await benchCalculators();
}
if (wanted("calculator-api") && existsSync(resolve(here, "bench-calculator-api.ts"))) {
  const { benchCalculatorApi } = await import("./bench-calculator-api");
  results.calculator_api = await benchCalculatorApi();
}
if (wanted("search") && existsSync(resolve(here, "bench-search.ts"))) {
  const { benchSearch } = await import("./bench-search");
  results.search = await benchSearch();
}
if (wanted("typeahead") && existsSync(resolve(here, "bench-typeahead.ts"))) {
  const { benchTypeahead } = await import("./bench-typeahead");
  results.typeahead = await benchTypeahead();
}
if (wanted("routes")) {
  const { benchRouteTable } = await import("./bench-routes");
  results.routes = await benchRouteTable();
}
if (wanted("load")) {
  const { benchLoad } = await import("./bench-load");
  results.load = await benchLoad();
}
const targets = benchTargets(results);
if (targets.length) results.targets = targets;
console.log("\n== bench: all figures (JSON) ==");
console.log(JSON.stringify(results, null, 2));
printTargets(targets);
