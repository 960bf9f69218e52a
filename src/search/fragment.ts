/**
 * The contract between the /search page and its search-as-you-type script (src/client/search.ts), declared once for
 * both: the query parameter that asks for the page's parts without the page around them, and the ids of the parts
 * the script swaps in. Constants only, imports nothing, so the browser bundle stays a few hundred bytes.
 */

/** `?fragment=results` on /search: the same search, answered with the title and the page's main parts only. */
export const FRAGMENT_PARAM = "fragment";
export const FRAGMENT_VALUE = "results";

/** The page's one GET form: the query box, sort, and (through their `form` attribute) the sidebar's filters. */
export const SEARCH_FORM_ID = "search-form";

/** The form's words (its search box): the one field the script may see change while an answer is on its way. */
export const WORDS_PARAM = "q";

/** The parts of the page replaced on each answer, by element id: the sort choices, the results, the filters. */
export const SEARCH_PARTS = { sort: "sort", results: "search-results", filters: "filters" } as const;

/** The results count, a polite live region inside the results; kept in place (its text changes) so it is announced. */
export const RESULTS_COUNT_ID = "results-heading";
