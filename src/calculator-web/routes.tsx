/**
 * Calculator routes: the JSON API (list, describe, compute) and the pages (GET form → server render; the browser
 * bundle they load is a static file, see scripts/client-build.ts). Every failure goes through the one error path (ProblemError → problem+json for
 * the API, a readable page otherwise).
 */
import { Hono } from "hono";
import * as z from "zod";
import { type CalculatorId, calculatorIds, calculators, isCalculatorId, runCalculator } from "../calculators";
import { findCaseStudyTitles } from "../case-studies/queries";
import type { AppEnv } from "../env";
import { assetPaths } from "../generated/assets";
import { ProblemError } from "../http/problem";
import { parseJsonBody } from "../http/validate";
import type { ApiRoute } from "../openapi/registry";
import { siteContext } from "../views/render";
import { calculatorDetailSchema, calculatorListSchema, calculatorResultSchema } from "./api-schemas";
import { canonicalQuery, type FormError, fieldId, formErrors, formModel, fromQuery, queryString } from "./form-state";
import { present } from "./presenters";
import { CalculatorListPage, CalculatorPage } from "./views";

const API = "/api/v1/calculators";

export const calculatorApiRoutes: ApiRoute[] = [
  {
    method: "get",
    path: API,
    tag: "Calculators",
    summary: "List the ROI calculators",
    responses: { 200: { description: "Every calculator with its summary", schema: calculatorListSchema } },
  },
  ...calculatorIds.flatMap((id): ApiRoute[] => [
    {
      method: "get",
      path: `${API}/${id}`,
      tag: "Calculators",
      summary: `Describe ${calculators[id].title}`,
      description: "The input schema, and every default with the source it comes from.",
      responses: { 200: { description: "Schema, defaults and references", schema: calculatorDetailSchema } },
    },
    {
      method: "post",
      path: `${API}/${id}`,
      tag: "Calculators",
      summary: `Compute ${calculators[id].title}`,
      description: `${calculators[id].summary} Send \`{}\` to use every default. Bad input is a 400 naming every failing field by path; a body over 64 KiB is a 413.`,
      body: calculators[id].inputSchema,
      responses: {
        200: { description: "The result: inputs used, outputs, steps and warnings", schema: calculatorResultSchema },
        400: { description: "Invalid JSON or invalid inputs, listed by path" },
        413: { description: "Body larger than 64 KiB" },
        415: { description: "Body not sent as application/json" },
      },
    },
  ]),
];

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

export const calculatorRoutes = new Hono<AppEnv>();

// ---------------------------------------------------------------------------------------------------------
// API.

calculatorRoutes.get(API, (c) => {
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
});

calculatorRoutes.get(`${API}/:id`, (c) => {
  const id = calculatorOr404(c.req.param("id"), true);
  const origin = new URL(c.req.url).origin;
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
  return c.json({
    id,
    title: calculator.title,
    summary: calculator.summary,
    url: `${origin}${API}/${id}`,
    page_url: `${origin}/calculators/${id}`,
    input_schema: inputSchema,
    defaults,
    example_request: {},
  });
});

calculatorRoutes.post(`${API}/:id`, async (c) => {
  const id = calculatorOr404(c.req.param("id"), true);
  // Size, content type and JSON syntax are checked here (413/415/400); the calculator's schema checks the rest.
  const body = await parseJsonBody(c, z.unknown());
  const outcome = runCalculator(id, body);
  if (!outcome.ok) {
    const errors = outcome.fields.map((f) => ({ path: f.path === "" ? "(body)" : f.path, message: f.message }));
    throw new ProblemError(
      400,
      `The body has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}: ${errors.map((f) => f.path).join(", ")}`,
      errors,
    );
  }
  return c.json(outcome.result);
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
  const { raw, action } = fromQuery(model, url.searchParams);
  const outcome = runCalculator(id, raw);
  const errors: FormError[] = outcome.ok ? [] : formErrors(model, outcome.issues);

  // One state, one address: a submitted form (every field, defaults included) or a row edit is redirected to the
  // short canonical query, which holds only what differs from the defaults.
  const canonical = canonicalQuery(model, raw);
  if (action !== null || canonical !== queryString([...url.searchParams])) {
    let anchor = errors.length ? "#calc-error-summary" : "#results";
    if (action?.kind === "add") {
      const rows = raw[action.array];
      anchor = `#${fieldId(`${action.array}[${Array.isArray(rows) ? rows.length - 1 : 0}]`)}`;
    } else if (action?.kind === "remove") {
      anchor = `#${fieldId(action.array)}`;
    }
    return c.redirect(`/calculators/${id}${canonical ? `?${canonical}` : ""}${anchor}`, 303);
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
      {...(script ? { script } : {})}
    />,
    outcome.ok ? 200 : 400,
  );
});
