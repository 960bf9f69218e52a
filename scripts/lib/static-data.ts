/**
 * The build-time documents the Worker serves from static data instead of generating them per isolate: the OpenAPI
 * document (from the route declarations of src/app.tsx) and each calculator's input JSON Schema. Both come from
 * z.toJSONSchema, which therefore stays out of the Worker. Pure (no Node APIs), so the integration tests build the
 * same documents in workerd and compare them with what the Worker serves.
 */
import * as z from "zod";
import { apiRoutes } from "../../src/app";
import { type CalculatorId, calculatorIds, calculators } from "../../src/calculators/index";
import { buildOpenApiDocument } from "../../src/openapi/registry";

type Json = Record<string, unknown>;

/** The OpenAPI 3.1 document of every declared API route, without `servers` (the Worker adds the request's origin). */
export function openApiDocument(): Json {
  return buildOpenApiDocument(apiRoutes());
}

/** Each calculator's input JSON Schema (`input_schema` of GET /api/v1/calculators/{id}), by id. */
export function calculatorInputSchemas(): Record<CalculatorId, Json> {
  return Object.fromEntries(
    calculatorIds.map((id) => [
      id,
      z.toJSONSchema(calculators[id].inputSchema, { io: "input", unrepresentable: "any" }) as Json,
    ]),
  ) as Record<CalculatorId, Json>;
}
