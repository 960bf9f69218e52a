/** GET /api/v1/evidence/map: the gap map's data, declared once for the route and the OpenAPI document. */
import * as z from "zod/mini";
import { grades } from "../domain/grading";
import { defineRoute } from "../http/route";
import { gapMaps } from "./gap-map";
import { cellSearch } from "./gap-map-view";

const mapResponseSchema = z
  .object({
    matrices: z.array(
      z.object({
        id: z.string(),
        rows: z.string().register(z.globalRegistry, { description: "The facet of the rows" }),
        columns: z.string().register(z.globalRegistry, { description: "The facet of the columns" }),
        cells: z.array(
          z.object({
            row: z.string(),
            column: z.string(),
            count: z.int().register(z.globalRegistry, {
              description: "Published records with both values: what the search answers for these two filters",
            }),
            strongest_grade: z
              .nullable(z.enum(grades))
              .register(z.globalRegistry, { description: "The strongest grade among them; null for a gap" }),
            search: z.string().register(z.globalRegistry, { description: "The search page filtered to this cell" }),
          }),
        ),
      }),
    ),
  })
  .register(z.globalRegistry, { id: "EvidenceMap" });

export const gapMapApiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/evidence/map",
    tag: "Search",
    summary: "Evidence gap map",
    description:
      "Modality × condition and financing model × outcome metric: for every pair of values, the number of published records (equal to the search's total for those two filters) and the strongest evidence grade; a count of 0 is a gap.",
    responses: { 200: { description: "Both matrices, every cell", schema: mapResponseSchema } },
    handler: async (c) => {
      const origin = new URL(c.req.url).origin;
      const maps = await gapMaps(c.env.DB);
      return c.json({
        matrices: maps.map((m) => ({
          id: m.id,
          rows: m.rows,
          columns: m.columns,
          cells: m.cells.map((cell) => ({
            row: cell.row,
            column: cell.column,
            count: cell.count,
            strongest_grade: cell.strongest,
            search: `${origin}${cellSearch(m, cell.row, cell.column)}`,
          })),
        })),
      });
    },
  }),
];
