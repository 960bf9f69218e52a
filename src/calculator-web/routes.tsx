/**
 * Calculator routes: the JSON API (list, describe, compute) and the pages (GET form → server render; the browser
 * bundle they load is a static file, see scripts/client-build.ts). Every failure goes through the one error path (ProblemError → problem+json for
 * the API, a readable page otherwise).
 */
import { Hono } from "hono";
import * as z from "zod";
import {
  type AnyCalculatorResult,
  type CalculatorId,
  calculatorIds,
  calculators,
  isCalculatorId,
  runCalculator,
} from "../calculators";
import { hasPanelParams, PANEL_PARAM_PREFIX, panelOptions } from "../domain/embed-snippet";
import type { AppEnv } from "../env";
import { assetPaths } from "../generated/assets";
import { ProblemError } from "../http/problem";
import { defineRoute, type EngineBody, mountRoutes } from "../http/route";
import { findCaseStudyTitles } from "../records/read";
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

/** Slugs of the case studies a calculator's defaults cite. */
function citedSlugs(id: CalculatorId): string[] {
  const slugs = new Set<string>();
  for (const entry of Object.values(calculators[id].defaultsWithReferences())) {
    if (entry.reference.kind === "case_study") slugs.add(entry.reference.slug);
  }
  return [...slugs];
}

/** Titles of the cited case studies, for the source links; a failed lookup only costs the titles. */
async function caseStudyTitles(db: D1Database, slugs: string[]): Promise<Record<string, string>> {
  try {
    return await findCaseStudyTitles(db, slugs);
  } catch (error) {
    console.error("calculator page: case-study titles unavailable", error);
    return {};
  }
}

/**
 * The body of a compute request, checked by the calculator's own engine (the same check the browser runs), so its
 * issues come out through the one validation hook like any other bad field. The engine parses and computes in one
 * pure step, so what the handler receives is the result.
 */
function computeBody(id: CalculatorId): EngineBody<AnyCalculatorResult> {
  return {
    describedBy: calculators[id].inputSchema,
    checkBody: (raw) => {
      const outcome = runCalculator(id, raw);
      return outcome.ok ? { ok: true, value: outcome.result } : { ok: false, errors: outcome.fields };
    },
  };
}

function describeCalculator(id: CalculatorId, origin: string) {
  const calculator = calculators[id];
  const inputSchema = z.toJSONSchema(calculator.inputSchema, { io: "input", unrepresentable: "any" });
  const defaults = Object.fromEntries(
    Object.entries(calculator.defaultsWithReferences()).map(([path, entry]) => [
      path,
      entry.reference.kind === "case_study"
        ? { ...entry, reference_url: `${origin}/case-studies/${entry.reference.slug}` }
        : entry,
    ]),
  );
  return {
    id,
    title: calculator.title,
    summary: calculator.summary,
    url: `${origin}${API}/${id}`,
    page_url: `${origin}/calculators/${id}`,
    input_schema: inputSchema,
    defaults,
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
      handler: (c) => c.json(describeCalculator(id, new URL(c.req.url).origin)),
    }),
    defineRoute({
      method: "post",
      path: `${API}/${id}`,
      tag: "Calculators",
      summary: `Compute ${calculators[id].title}`,
      description: `${calculators[id].summary} Send \`{}\` to use every default. Bad input is a 400 naming every failing field by path; a body over 64 KiB is a 413.`,
      body: computeBody(id),
      responses: {
        200: { description: "The result: inputs used, outputs, steps and warnings", schema: calculatorResultSchema },
      },
      handler: (c, { body }) => c.json(body),
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
  const { raw, action } = fromQuery(model, params);
  const outcome = runCalculator(id, raw);
  const errors: FormError[] = outcome.ok ? [] : formErrors(model, outcome.issues);

  // One state, one address: a submitted form (every field, defaults included) or a row edit is redirected to the
  // short canonical query, which holds only what differs from the defaults.
  const canonical = canonicalQuery(model, raw);
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

  const titles = await caseStudyTitles(c.env.DB, citedSlugs(id));
  const ctx = siteContext;
  const script = assetPaths["calculator.js"];
  return c.html(
    <CalculatorPage
      id={id}
      title={calculators[id].title}
      summary={calculators[id].summary}
      form={{ model, raw, errors, ctx: { defaults: calculators[id].defaultsWithReferences(), titles, render: ctx } }}
      presentation={outcome.ok ? present(outcome.result) : null}
      ctx={ctx}
      embed={embedPanel(id, url.origin, canonical, panelQuery)}
      {...(script ? { script } : {})}
    />,
    outcome.ok ? 200 : 400,
  );
});
