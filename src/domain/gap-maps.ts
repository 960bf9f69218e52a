/**
 * The evidence gap map's two matrices, declared once: the write path keeps their counters (gap_pairs, schema/0012)
 * and the search feature reads and draws them. The ids are stored in gap_pairs.map: never rename one without a
 * migration that renames its rows.
 */
import type { FacetName } from "./facets";

export type MapFacet = Extract<FacetName, "modality" | "condition" | "financing_model" | "metric">;

/** The two matrices the map shows, rows first. */
export const GAP_MAPS = [
  { id: "modality-condition", rows: "modality", columns: "condition" },
  { id: "financing-metric", rows: "financing_model", columns: "metric" },
] as const satisfies readonly { id: string; rows: MapFacet; columns: MapFacet }[];
