/** Response schemas of the calculator API, for the OpenAPI document (requests use each calculator's own schema). */
import * as z from "zod";

export const calculatorListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        summary: z.string(),
        url: z.string().describe("This calculator's API resource"),
        page_url: z.string().describe("This calculator's page"),
      }),
    ),
  })
  .meta({ id: "CalculatorList" });

const referenceSchema = z
  .object({
    kind: z.enum(["case_study", "reference_param", "reference_figure", "assumption"]),
    slug: z.string().optional(),
    metric: z.string().nullable().optional(),
    provenance: z.enum(["verified", "reported", "illustrative"]).optional(),
    note: z.string().optional(),
    key: z.string().optional(),
    source: z.string().optional(),
    placeholder: z.boolean().optional(),
  })
  .describe("Where the default comes from: a case study of the knowledge base, a reference figure, or an assumption.");

export const calculatorDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    url: z.string(),
    page_url: z.string(),
    input_schema: z.record(z.string(), z.unknown()).describe("JSON Schema (draft 2020-12) of the request body"),
    defaults: z
      .record(
        z.string(),
        z.object({
          value: z.unknown(),
          rule: z.string().optional(),
          reference: referenceSchema,
          reference_url: z
            .string()
            .optional()
            .describe("The case study's page, or the reference figure's API resource"),
        }),
      )
      .describe("Input path (e.g. savings_lines[0].reduction_pct) → default value and its source"),
    scenarios: z
      .array(
        z.object({
          slug: z.string(),
          title: z.string(),
          summary: z.string(),
          illustrative: z.boolean().describe("True when an input rests on an illustrative record"),
          inputs: z.record(z.string(), z.unknown()).describe("A valid request body; send it, or ?scenario=<slug>"),
          references: z
            .record(
              z.string(),
              z.union([
                z.object({ case_study: z.string(), metric: z.string() }),
                z.object({ reference_figure: z.string() }),
                z.object({ assumption: z.string() }),
              ]),
            )
            .describe("Input path → its case study and metric, its reference figure, or the assumption in words"),
          page_url: z.string().describe("The calculator page opened with this scenario"),
        }),
      )
      .describe("Starting points built from the evidence base"),
    example_request: z.record(z.string(), z.unknown()).describe("A valid request body: {} uses every default"),
  })
  .meta({ id: "CalculatorDetail" });

export const calculatorResultSchema = z
  .object({
    calculator: z.string(),
    inputs: z.record(z.string(), z.unknown()).describe("The inputs used, defaults filled in"),
    outputs: z.record(z.string(), z.unknown()).describe("Unrounded outputs; a ratio with a zero denominator is null"),
    steps: z.array(z.string()).describe("Intermediate figures in words"),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()).optional() })),
  })
  .meta({ id: "CalculatorResult" });
