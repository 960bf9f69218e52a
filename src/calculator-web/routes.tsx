/**
 * Calculator routes: the JSON API (list, describe, compute) and the pages (GET form → server render; the browser
 * bundle they load is a static file, see scripts/client-build.ts). Every failure goes through the one error path (ProblemError → problem+json for
 * the API, a readable page otherwise).
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import {
  type AnyCalculatorResult,
  type CalculatorId,
  calculatorIds,
  calculators,
  isCalculatorId,
  runCalculator,
} from "../calculators";
import { loadScenario, type Scenario, scenarioSlugsFor, scenariosFor } from "../calculators/scenario-registry";
import { hasPanelParams, PANEL_PARAM_PREFIX, panelOptions } from "../domain/embed-snippet";
import type { AppEnv, Env } from "../env";
import { ProblemError, validationProblem } from "../http/problem";
import { defineRoute, type EngineBody, mountRoutes } from "../http/route";
import { staticData } from "../http/static-data";
import { calculatorSources } from "../records/calculator-sources";
import { calculatorScript } from "../views/calculator/bundle";
import { scenarioContext } from "../views/calculator/default-source";
import {
  canonicalQuery,
  type FormError,
  fieldId,
  formErrors,
  formModel,
  fromQuery,
  queryString,
} from "../views/calculator/form-state";
import { present } from "../views/calculator/presenters";
import type { EmbedPanelProps } from "../views/embed-panel";
import { siteContext } from "../views/render";
import { calculatorDetailSchema, calculatorListSchema, calculatorResultSchema } from "./api-schemas";
import { CalculatorListPage, CalculatorPage } from "./views";

const API = "/api/v1/calculators";

/** The "Embed" panel of a calculator page: the current inputs, the panel's options, the inputs a host may lock. */
function embedPanel(id: CalculatorId, origin: string, canonical: string, panelQuery: URLSearchParams): EmbedPanelProps {
  const lockable = formModel(id).fields.flatMap((field) =>
    field.kind === "array" || field.kind === "object" ? [] : [{ name: field.key, label: field.title }],
  );
  const { options, notes } = panelOptions(
    panelQuery,
    lockable.map((input) => input.name),
  );
  return {
    origin,
    target: { kind: "calculator", id },
    title: calculators[id].title,
    pagePath: `/calculators/${id}`,
    inputs: [...new URLSearchParams(canonical)],
    options,
    lockable,
    notes,
    open: hasPanelParams(panelQuery),
  };
}

function calculatorOr404(id: string, api: boolean): CalculatorId {
  if (isCalculatorId(id)) return id;
  throw new ProblemError(
    404,
    api
      ? `No calculator has the id '${id}'; the ids are ${calculatorIds.join(", ")}`
      : "There is no calculator at this address.",
  );
}

/**
 * The body of a compute request, checked by the calculator's own engine (the same check the browser runs), so its
 * issues come out through the one validation hook like any other bad field. The engine parses and computes in one
 * pure step, so what the handler receives is the result.
 */
function computeBody(id: CalculatorId): EngineBody<unknown> {
  // The body is checked after a scenario named in the query has been put under it (the handler runs the engine),
  // so a body that only overrides a scenario's inputs is checked as the whole it makes.
  return { describedBy: calculators[id].inputSchema, checkBody: (raw) => ({ ok: true, value: raw }) };
}

/** The query of a compute request: an optional scenario of this calculator, by slug. */
function computeQuery(id: CalculatorId) {
  const slugs = scenarioSlugsFor(id);
  const scenario = slugs.length > 0 ? z.optional(z.enum(slugs as [string, ...string[]])) : z.optional(z.never());
  return {
    schema: z.object({
      scenario: scenario.register(z.globalRegistry, {
        description: "Start from this scenario's inputs; fields in the body override them",
      }),
    }),
  };
}

/** Every scenario, read from static data (the build checked each against its calculator). */
function allScenarios(env: Env): Promise<Scenario[]> {
  return staticData<Scenario[]>(env, "scenarios.json");
}

/** Computes a request: the scenario's inputs (if any) with the body over them, checked by the calculator's engine. */
async function compute(
  env: Env,
  id: CalculatorId,
  scenarioSlug: string | undefined,
  body: unknown,
): Promise<AnyCalculatorResult> {
  const loaded = scenarioSlug ? loadScenario(await allScenarios(env), id, scenarioSlug, body) : null;
  const outcome = runCalculator(id, loaded ? loaded.inputs : body);
  if (!outcome.ok) throw validationProblem("body", outcome.fields);
  return outcome.result;
}

/** A scenario as the API lists it. */
function scenarioJson(s: Scenario, origin: string) {
  return {
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    illustrative: s.illustrative,
    inputs: s.inputs,
    references: s.references,
    page_url: `${origin}/calculators/${s.calculator}?scenario=${s.slug}`,
  };
}

async function describeCalculator(env: Env, id: CalculatorId, origin: string) {
  const calculator = calculators[id];
  const [inputSchemas, scenarios] = await Promise.all([
    // Every calculator's input JSON Schema by id, built from the zod input schemas at build time.
    staticData<Record<CalculatorId, Record<string, unknown>>>(env, "calculator-schemas.json"),
    allScenarios(env),
  ]);
  const defaults = Object.fromEntries(
    Object.entries(calculator.defaultsWithReferences()).map(([path, entry]) => [
      path,
      entry.reference.kind === "case_study"
        ? { ...entry, reference_url: `${origin}/case-studies/${entry.reference.slug}` }
        : entry.reference.kind === "reference_figure"
          ? { ...entry, reference_url: `${origin}/api/v1/reference-figures/${entry.reference.slug}` }
          : entry,
    ]),
  );
  return {
    id,
    title: calculator.title,
    summary: calculator.summary,
    url: `${origin}${API}/${id}`,
    page_url: `${origin}/calculators/${id}`,
    input_schema: inputSchemas[id],
    defaults,
    scenarios: scenariosFor(scenarios, id).map((s) => scenarioJson(s, origin)),
    example_request: {},
  };
}

/**
 * The calculator API, declared once for the routes and the OpenAPI document. Each calculator has its own path, so
 * the document shows each one's request body schema.
 */
export const calculatorApiRoutes = [
  defineRoute({
    method: "get",
    path: API,
    tag: "Calculators",
    summary: "List the ROI calculators",
    responses: { 200: { description: "Every calculator with its summary", schema: calculatorListSchema } },
    handler: (c) => {
      const origin = new URL(c.req.url).origin;
      return c.json({
        items: calculatorIds.map((id) => ({
          id,
          title: calculators[id].title,
          summary: calculators[id].summary,
          url: `${origin}${API}/${id}`,
          page_url: `${origin}/calculators/${id}`,
        })),
      });
    },
  }),
  ...calculatorIds.flatMap((id) => [
    defineRoute({
      method: "get",
      path: `${API}/${id}`,
      tag: "Calculators",
      summary: `Describe ${calculators[id].title}`,
      description: "The input schema, and every default with the source it comes from.",
      responses: { 200: { description: "Schema, defaults and references", schema: calculatorDetailSchema } },
      handler: async (c) => c.json(await describeCalculator(c.env, id, new URL(c.req.url).origin)),
    }),
    defineRoute({
      method: "post",
      path: `${API}/${id}`,
      tag: "Calculators",
      summary: `Compute ${calculators[id].title}`,
      description: `${calculators[id].summary} Send \`{}\` to use every default, or \`?scenario=<slug>\` to start from one of the calculator's scenarios (fields in the body override it). Bad input is a 400 naming every failing field by path; a body over 64 KiB is a 413.`,
      query: computeQuery(id),
      body: computeBody(id),
      responses: {
        200: { description: "The result: inputs used, outputs, steps and warnings", schema: calculatorResultSchema },
      },
      handler: async (c, { query, body }) => c.json(await compute(c.env, id, query.scenario, body)),
    }),
  ]),
];

export const calculatorRoutes = mountRoutes(new Hono<AppEnv>(), calculatorApiRoutes);

// Any other id under the API names no calculator: say which ids there are (GET and POST alike).
calculatorRoutes.on(["GET", "POST"], `${API}/:id`, (c) => {
  calculatorOr404(c.req.param("id"), true);
  return c.notFound();
});

// ---------------------------------------------------------------------------------------------------------
// Pages.

calculatorRoutes.get("/calculators", (c) =>
  c.html(
    <CalculatorListPage
      items={calculatorIds.map((id) => ({ id, title: calculators[id].title, summary: calculators[id].summary }))}
    />,
  ),
);

calculatorRoutes.get("/calculators/:id", async (c) => {
  const id = calculatorOr404(c.req.param("id"), false);
  const url = new URL(c.req.url);
  const model = formModel(id);
  // The "Embed" panel's own options (embed_theme …) travel beside the inputs; they are not inputs.
  const panel = (name: string) => name.startsWith(PANEL_PARAM_PREFIX);
  const params = new URLSearchParams([...url.searchParams].filter(([name]) => !panel(name)));
  const panelQuery = new URLSearchParams([...url.searchParams].filter(([name]) => panel(name)));
  const read = fromQuery(model, params);
  const { action } = read;
  // A scenario named in the address starts the form from its inputs; fields in the address override them.
  const scenarioSlug = params.get("scenario");
  const scenarios = await allScenarios(c.env);
  const loaded = scenarioSlug === null ? null : loadScenario(scenarios, id, scenarioSlug, read.raw);
  if (scenarioSlug !== null && loaded === null) {
    throw new ProblemError(
      404,
      "This calculator has no scenario by that name; the calculator page lists its scenarios.",
    );
  }
  const raw = (loaded ? loaded.inputs : read.raw) as typeof read.raw;
  const outcome = runCalculator(id, raw);
  const errors: FormError[] = outcome.ok ? [] : formErrors(model, outcome.issues);

  // One state, one address: a submitted form (every field, defaults included) or a row edit is redirected to the
  // short canonical query, which holds only what differs from the defaults.
  const canonical = [
    loaded ? `scenario=${encodeURIComponent(loaded.scenario.slug)}` : "",
    canonicalQuery(model, read.raw),
  ]
    .filter(Boolean)
    .join("&");
  if (action !== null || canonical !== queryString([...params])) {
    let anchor = errors.length ? "#calc-error-summary" : "#results";
    if (action?.kind === "add") {
      const rows = raw[action.array];
      anchor = `#${fieldId(`${action.array}[${Array.isArray(rows) ? rows.length - 1 : 0}]`)}`;
    } else if (action?.kind === "remove") {
      anchor = `#${fieldId(action.array)}`;
    }
    const query = [canonical, panelQuery.toString()].filter(Boolean).join("&");
    if (panelQuery.size && !errors.length && action === null) anchor = "#embed";
    return c.redirect(`/calculators/${id}${query ? `?${query}` : ""}${anchor}`, 303);
  }

  const { titles, figures } = await calculatorSources(c.env.DB, id, loaded?.scenario ?? null);
  const scenario = loaded ? scenarioContext(loaded.scenario) : undefined;
  const ctx = siteContext;
  const script = calculatorScript(id);
  return c.html(
    <CalculatorPage
      id={id}
      title={calculators[id].title}
      summary={calculators[id].summary}
      form={{
        model,
        raw,
        errors,
        ctx: { defaults: calculators[id].defaultsWithReferences(), titles, figures, scenario, render: ctx },
      }}
      scenarios={scenariosFor(scenarios, id)}
      {...(loaded ? { scenario: loaded.scenario } : {})}
      presentation={outcome.ok ? present(outcome.result) : null}
      ctx={ctx}
      embed={embedPanel(id, url.origin, canonical, panelQuery)}
      {...(script ? { script } : {})}
    />,
    outcome.ok ? 200 : 400,
  );
});
