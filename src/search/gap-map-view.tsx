/** The /evidence/map page: each matrix a real table, scrolling sideways inside a labelled region on a phone. */
import { FACETS } from "../domain/facets";
import { Layout } from "../views/layout";
import type { GapMatrix, MapFacet } from "./gap-map";
import { searchHref } from "./spec";

const TITLES: Record<string, string> = {
  "modality-condition": "Kinds of care by condition",
  "financing-metric": "Ways of paying by outcome measured",
};

function label(facet: MapFacet, value: string): string {
  return FACETS[facet].enumeration.label(value);
}

/** The search a cell stands for. */
export function cellSearch(matrix: GapMatrix, row: string, column: string): string {
  return searchHref("/search", { [matrix.rows]: [row], [matrix.columns]: [column] });
}

function MatrixTable({ matrix }: { matrix: GapMatrix }) {
  const rows = FACETS[matrix.rows].enumeration.values;
  const columns = FACETS[matrix.columns].enumeration.values;
  const title = TITLES[matrix.id] ?? matrix.id;
  const headingId = `${matrix.id}-heading`;
  const filled = matrix.cells.filter((c) => c.count > 0).length;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p class="small muted">
        {filled} of {matrix.cells.length} combinations have at least one record; the rest are gaps. Rows:{" "}
        {FACETS[matrix.rows].label.toLowerCase()}; columns: {FACETS[matrix.columns].label.toLowerCase()}.
      </p>
      <section class="map-scroll" aria-label={`${title} (scrolls sideways)`} tabindex={0}>
        <table class="gap-map">
          <caption class="visually-hidden">{title}: records and the strongest evidence grade for each pair</caption>
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th scope="col">{label(matrix.columns, c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{label(matrix.rows, r)}</th>
                {columns.map((c) => {
                  const cell = matrix.cells.find((x) => x.row === r && x.column === c);
                  if (!cell || cell.count === 0) return <td class="gap">Gap: no records</td>;
                  return (
                    <td>
                      <a href={cellSearch(matrix, r, c)}>
                        <span class="n">{cell.count}</span> {cell.count === 1 ? "record" : "records"}
                        <br />
                        <span class="small">strongest {cell.strongest}</span>
                      </a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

export function GapMapPage({ maps }: { maps: GapMatrix[] }) {
  return (
    <Layout
      title="Evidence gap map"
      description="Where the evidence on financing integrative care is, and where it is missing: records and the strongest grade for each pair."
    >
      <h1>Evidence gap map</h1>
      <p class="lede">
        How many published case studies there are for each kind of care and condition, and for each way of paying and
        outcome, with the strongest evidence grade among them (A strongest, E illustrative). A cell opens the search for
        that pair; a cell that says “Gap” has no record yet. A record with several kinds of care or conditions counts in
        each of its cells.
      </p>
      <p class="small">
        <a href="/about/methods#grading">How grades work</a> · <a href="/api/v1/evidence/map">The same data as JSON</a>
      </p>
      {maps.map((matrix) => (
        <MatrixTable matrix={matrix} />
      ))}
    </Layout>
  );
}
