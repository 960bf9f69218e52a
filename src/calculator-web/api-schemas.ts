/** Response schemas of the calculator API, for the OpenAPI document (requests use each calculator's own schema). */
import * as z from "zod/mini";

export const calculatorListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        summary: z.string(),
        url: z.string().register(z.globalRegistry, { description: "This calculator's API resource" }),
        page_url: z.string().register(z.globalRegistry, { description: "This calculator's page" }),
      }),
    ),
  })
  .register(z.globalRegistry, { id: "CalculatorList" });

const referenceSchema = z
  .object({
    kind: z.enum(["case_study", "reference_param", "reference_figure", "assumption"]),
    slug: z.optional(z.string()),
    metric: z.optional(z.nullable(z.string())),
    provenance: z.optional(z.enum(["verified", "reported", "illustrative"])),
    note: z.optional(z.string()),
    key: z.optional(z.string()),
    source: z.optional(z.string()),
    placeholder: z.optional(z.boolean()),
  })
  .register(z.globalRegistry, {
    description:
      "Where the default comes from: a case study of the knowledge base, a reference figure, or an assumption.",
  });

export const calculatorDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    url: z.string(),
    page_url: z.string(),
    input_schema: z
      .record(z.string(), z.unknown())
      .register(z.globalRegistry, { description: "JSON Schema (draft 2020-12) of the request body" }),
    defaults: z
      .record(
        z.string(),
        z.object({
          value: z.unknown(),
          rule: z.optional(z.string()),
          reference: referenceSchema,
          reference_url: z.optional(z.string()).register(z.globalRegistry, {
            description: "The case study's page, or the reference figure's API resource",
          }),
        }),
      )
      .register(z.globalRegistry, {
        description: "Input path (e.g. savings_lines[0].reduction_pct) → default value and its source",
      }),
    scenarios: z
      .array(
        z.object({
          slug: z.string(),
          title: z.string(),
          summary: z.string(),
          illustrative: z
            .boolean()
            .register(z.globalRegistry, { description: "True when an input rests on an illustrative record" }),
          inputs: z
            .record(z.string(), z.unknown())
            .register(z.globalRegistry, { description: "A valid request body; send it, or ?scenario=<slug>" }),
          references: z
            .record(
              z.string(),
              z.union([
                z.object({ case_study: z.string(), metric: z.string() }),
                z.object({ reference_figure: z.string() }),
                z.object({ assumption: z.string() }),
              ]),
            )
            .register(z.globalRegistry, {
              description: "Input path → its case study and metric, its reference figure, or the assumption in words",
            }),
          page_url: z
            .string()
            .register(z.globalRegistry, { description: "The calculator page opened with this scenario" }),
        }),
      )
      .register(z.globalRegistry, { description: "Starting points built from the evidence base" }),
    example_request: z
      .record(z.string(), z.unknown())
      .register(z.globalRegistry, { description: "A valid request body: {} uses every default" }),
  })
  .register(z.globalRegistry, { id: "CalculatorDetail" });

export const calculatorResultSchema = z
  .object({
    calculator: z.string(),
    inputs: z
      .record(z.string(), z.unknown())
      .register(z.globalRegistry, { description: "The inputs used, defaults filled in" }),
    outputs: z
      .record(z.string(), z.unknown())
      .register(z.globalRegistry, { description: "Unrounded outputs; a ratio with a zero denominator is null" }),
    steps: z.array(z.string()).register(z.globalRegistry, { description: "Intermediate figures in words" }),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), fields: z.optional(z.array(z.string())) })),
  })
  .register(z.globalRegistry, { id: "CalculatorResult" });
