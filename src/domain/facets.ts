/**
 * The facets: every way a case study is filtered, counted and explained, declared once. Search, the browse list,
 * the write path (facet rows and facet keys), the glossary and the content build all read this list, so adding a
 * facet is one entry here (plus its enumeration in enums.ts, when it has one).
 */
import * as z from "zod/mini";
import {
  careSettings,
  conditions,
  designs,
  financingModels,
  metrics,
  modalities,
  payerTypes,
  provenances,
  statuses,
} from "./enums";

type Enumeration = { values: readonly [string, ...string[]]; label(value: string): string };

interface FacetDefinition {
  /** What a person reads as the facet's heading. */
  label: string;
  /** The closed list of values with their labels; null for grade, country and has_cost_figures. */
  enumeration: Enumeration | null;
  /** The glossary page (`/taxonomy/{kind}`, content/taxonomy/) that explains every value; null when there is none. */
  glossary: string | null;
  /**
   * The letter the facet's tokens start with in case_studies.facet_keys (schema/0004). Stored in the database:
   * never change or reuse a letter, or records written before would count under the wrong facet.
   */
  keyCode: string;
  /** For a list filter (`?facet=value`), what the values are called in its description; null: not a list filter. */
  filterNoun: string | null;
}

/**
 * Every facet, in the order search predicates and facet responses use (that order is part of the search's SQL and
 * of its cache keys, so append new facets at the end).
 */
export const FACETS = {
  condition: {
    label: "Condition",
    enumeration: conditions,
    glossary: "conditions",
    keyCode: "c",
    filterNoun: "conditions",
  },
  modality: {
    label: "Modality",
    enumeration: modalities,
    glossary: "modalities",
    keyCode: "m",
    filterNoun: "modalities",
  },
  financing_model: {
    label: "How it was financed",
    enumeration: financingModels,
    glossary: "financing_models",
    keyCode: "f",
    filterNoun: "financing models",
  },
  payer_type: {
    label: "Who paid",
    enumeration: payerTypes,
    glossary: "payer_types",
    keyCode: "p",
    filterNoun: "payer types",
  },
  design: {
    label: "Study design",
    enumeration: designs,
    glossary: "designs",
    keyCode: "d",
    filterNoun: "study designs",
  },
  provenance: {
    label: "Provenance",
    enumeration: provenances,
    glossary: "provenance",
    keyCode: "v",
    filterNoun: "provenances",
  },
  grade: { label: "Minimum evidence grade", enumeration: null, glossary: null, keyCode: "g", filterNoun: null },
  metric: {
    label: "Outcome measured",
    enumeration: metrics,
    glossary: "metrics",
    keyCode: "o",
    filterNoun: "outcome metrics",
  },
  country: { label: "Country", enumeration: null, glossary: null, keyCode: "n", filterNoun: "countries" },
  care_setting: {
    label: "Care setting",
    enumeration: careSettings,
    glossary: "care_settings",
    keyCode: "e",
    filterNoun: "care settings",
  },
  has_cost_figures: { label: "Cost and ROI", enumeration: null, glossary: null, keyCode: "h", filterNoun: null },
  status: {
    label: "Status",
    enumeration: statuses,
    glossary: null,
    keyCode: "s",
    filterNoun: "statuses (default: published)",
  },
} as const satisfies Record<string, FacetDefinition>;

/** A facet's name, as stored in case_study_facets.facet and used as its filter's query key. */
export type FacetName = keyof typeof FACETS;

/** Every facet name, in FACETS order. */
export const FACET_NAMES = Object.keys(FACETS) as [FacetName, ...FacetName[]];

/** The facets that are list filters (`?condition=…&country=…`), shared by the browse API and search. */
export type ListFilterName = {
  [F in FacetName]: (typeof FACETS)[F]["filterNoun"] extends string ? F : never;
}[FacetName];

export const LIST_FILTER_NAMES = FACET_NAMES.filter((f) => FACETS[f].filterNoun !== null) as ListFilterName[];

/** The facets with a closed enumeration, and that enumeration. */
export type EnumeratedFacet = {
  [F in FacetName]: (typeof FACETS)[F]["enumeration"] extends null ? never : F;
}[FacetName];

/** The glossary kind (content/taxonomy/*.md `kind`) → the facet whose values it explains. */
export const FACET_OF_GLOSSARY: Readonly<Record<string, EnumeratedFacet>> = Object.fromEntries(
  FACET_NAMES.flatMap((f) => {
    const kind: string | null = FACETS[f].glossary;
    return kind ? [[kind, f]] : [];
  }),
) as Record<string, EnumeratedFacet>;

/**
 * A facet value in words: the enumeration's label; grade, country and cost figures have their own wording (the grade
 * reads "B or stronger" because its filter is a minimum).
 */
export function facetValueLabel(facet: FacetName, value: string): string {
  if (facet === "grade") return value === "A" ? "A" : `${value} or stronger`;
  if (facet === "has_cost_figures") return "States cost or ROI figures";
  if (facet === "country") return value === "ZZ" ? "Several countries" : value;
  const enumeration: Enumeration | null = FACETS[facet].enumeration;
  return enumeration ? enumeration.label(value) : value;
}

/** Filter values by facet name; values within a facet are ORed, facets are ANDed. */
export type ListFilters = Partial<Record<ListFilterName, string[]>>;

const countryFilter = z
  .optional(
    z.array(z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"))).check(z.maxLength(50)),
  )
  .register(z.globalRegistry, {
    description: "Only records from any of these countries (ISO 3166-1 alpha-2; ZZ = several)",
  });

function enumFilter(facet: EnumeratedFacet & ListFilterName) {
  const definition = FACETS[facet];
  return z.optional(z.array(z.enum(definition.enumeration.values)).check(z.maxLength(50))).register(z.globalRegistry, {
    description: `Only records with any of these ${definition.filterNoun} (repeat the parameter or separate values with commas)`,
  });
}

/** The list filters as zod fields (one per list-filter facet), shared by the browse API, search and their pages. */
export const facetFilterShape = {
  condition: enumFilter("condition"),
  modality: enumFilter("modality"),
  financing_model: enumFilter("financing_model"),
  payer_type: enumFilter("payer_type"),
  design: enumFilter("design"),
  provenance: enumFilter("provenance"),
  metric: enumFilter("metric"),
  country: countryFilter,
  care_setting: enumFilter("care_setting"),
  status: enumFilter("status"),
} satisfies Record<ListFilterName, z.ZodMiniType>;
