/**
 * The /submit form, declared once: every field with its label, help and how its text becomes contract JSON. The
 * view renders from it and the reader (form-data.ts) parses with it, so a field cannot be shown one way and read
 * another. Field names are the submission's own paths (`case_study.outcomes[0].value`), the same paths the one
 * check names in its errors, so an error lands next to its field.
 */
import {
  careSettings,
  comparisons,
  conditions,
  designs,
  financingModels,
  metrics,
  modalities,
  moneyPer,
  outcomeKinds,
  payerTypes,
  populationUnits,
  provenances,
  sourceKinds,
  units,
} from "../domain/enums";

/** A closed list of values with labels (one of the contract's enumerations). */
export interface Choices {
  values: readonly string[];
  label: (value: string) => string;
}

/** How a field's text is read: as text, a number, a choice, several choices, one item per line or per comma. */
export type FieldKind = "text" | "textarea" | "number" | "integer" | "select" | "checkboxes" | "lines" | "commas";

export interface FormField {
  /** The path below its section (`title`, `setting.country`; in a row, `metric`). */
  key: string;
  label: string;
  help: string;
  kind: FieldKind;
  choices?: Choices;
  required?: boolean;
  /** Shown in an empty new form. */
  initial?: string;
}

export interface FormSection {
  id: string;
  title: string;
  intro?: string;
  /** The path prefix of its fields: `case_study` or `contact`. */
  prefix: "case_study" | "contact";
  fields: FormField[];
}

/** A repeatable group (outcomes, sources): rows of fields under `case_study.<key>[i]`. */
export interface RowGroup {
  key: "outcomes" | "sources";
  title: string;
  itemTitle: string;
  intro: string;
  fields: FormField[];
  /** Rows in an empty form, and the most the contract allows. */
  initialRows: number;
  maxRows: number;
}

const text = (key: string, label: string, help: string, extra: Partial<FormField> = {}): FormField => ({
  key,
  label,
  help,
  kind: "text",
  ...extra,
});
const choice = (key: string, label: string, help: string, choices: Choices, required = true): FormField => ({
  key,
  label,
  help,
  kind: "select",
  choices,
  required,
});

export const recordSections: FormSection[] = [
  {
    id: "about",
    title: "The case study",
    prefix: "case_study",
    fields: [
      text("title", "Title", "5 to 200 characters: what was financed, for whom, and how.", { required: true }),
      text(
        "slug",
        "Short address",
        "The record's address on this site: lower-case words joined by hyphens, 3 to 80 characters, e.g. oregon-medicaid-acupuncture-benefit.",
        { required: true },
      ),
      {
        key: "summary",
        label: "Summary",
        help: "Plain text, 20 to 600 characters: what was financed, how, and the headline result.",
        kind: "textarea",
        required: true,
      },
      choice(
        "provenance",
        "Where the figures come from",
        "Verified: every figure checked against a cited primary source, with a quote on every outcome. Reported: from a secondary source (news, press release, programme report) not checked against primary data. Illustrative: example figures without an identifiable primary source.",
        provenances,
      ),
      choice("design", "Study design", "The design of the study or report the figures come from.", designs),
    ],
  },
  {
    id: "setting",
    title: "Setting",
    prefix: "case_study",
    fields: [
      text(
        "setting.organization",
        "Organisation",
        "The health plan, health system, employer or clinic; leave empty when unknown.",
      ),
      text(
        "setting.country",
        "Country",
        "Two-letter ISO code, e.g. US, GB, DE; ZZ when the record spans several countries.",
        { required: true, initial: "US" },
      ),
      text("setting.region", "Region", "Optional free text, e.g. US-OR or rural Appalachia."),
      choice("setting.care_setting", "Care setting", "Where the care was delivered or organised.", careSettings),
    ],
  },
  {
    id: "financing",
    title: "Who paid, how, and for what",
    intro: "Choose at least one of each.",
    prefix: "case_study",
    fields: [
      {
        key: "payer_types",
        label: "Who paid",
        help: "Every payer the source names.",
        kind: "checkboxes",
        choices: payerTypes,
      },
      {
        key: "financing_models",
        label: "How it was financed",
        help: "The payment arrangements the source describes.",
        kind: "checkboxes",
        choices: financingModels,
      },
      {
        key: "modalities",
        label: "What was financed",
        help: "The services or programmes paid for.",
        kind: "checkboxes",
        choices: modalities,
      },
      {
        key: "conditions",
        label: "For which conditions",
        help: "The conditions the programme addressed.",
        kind: "checkboxes",
        choices: conditions,
      },
    ],
  },
  {
    id: "population",
    title: "Period and population",
    intro: "Leave a field empty when the source does not say: never estimate a date or a size.",
    prefix: "case_study",
    fields: [
      text("period.start", "Period start", "YYYY or YYYY-MM, when the source gives it."),
      text("period.end", "Period end", "YYYY or YYYY-MM, not before the start."),
      text("population.description", "Population", "Who, e.g. adults 65+ with chronic low back pain.", {
        required: true,
      }),
      {
        key: "population.size",
        label: "Population size",
        help: "A whole number, at least 1, as the source states it.",
        kind: "integer",
      },
      choice("population.unit", "Counted in", "What the population size counts.", populationUnits, false),
    ],
  },
];

export const outcomeRows: RowGroup = {
  key: "outcomes",
  title: "Outcomes",
  itemTitle: "Outcome",
  intro:
    "One row per figure the source reports. Leave a row empty to leave it out. Every outcome names the source it comes from by that source's key.",
  initialRows: 2,
  maxRows: 100,
  fields: [
    choice("metric", "Metric", "What was measured.", metrics),
    text("label", "Label", "Required when the metric is Other outcome; otherwise an optional name for the figure."),
    choice(
      "kind",
      "Kind of figure",
      "Relative change: a signed percent (-18 means 18% fewer). Absolute change: signed, in the unit. Level: a value at follow-up or an amount. Benefit-cost ratio: ROI 3 means 3:1. Risk, odds and hazard ratios: 1 means no difference.",
      outcomeKinds,
    ),
    { key: "value", label: "Value", help: "The figure, e.g. -18 or 3.2.", kind: "number", required: true },
    choice("unit", "Unit", "The unit of the value.", units),
    { key: "baseline", label: "Baseline", help: "The value before, or in the comparison group.", kind: "number" },
    { key: "followup", label: "Follow-up", help: "The value after, or in the intervention group.", kind: "number" },
    choice("comparison", "Compared with", "What the figure is compared against.", comparisons),
    {
      key: "horizon_months",
      label: "Over how many months",
      help: "The time over which the effect was measured.",
      kind: "integer",
    },
    choice("per", "Per", "For money: what one amount is per.", moneyPer, false),
    {
      key: "price_year",
      label: "Price year",
      help: "For US dollars: the year the dollars are in. Leave empty when the source does not say.",
      kind: "integer",
    },
    { key: "ci_low", label: "Confidence interval, low", help: "Both ends or neither.", kind: "number" },
    { key: "ci_high", label: "Confidence interval, high", help: "Both ends or neither.", kind: "number" },
    {
      key: "n",
      label: "Sample",
      help: "The number behind this figure when it differs from the population.",
      kind: "integer",
    },
    text("source", "Source key", "The key of one of the sources below, e.g. report.", { required: true }),
    {
      key: "quote",
      label: "Quote",
      help: "Verbatim text from the source containing the figure, at most 300 characters; required on every outcome of a verified record.",
      kind: "textarea",
    },
  ],
};

export const sourceRows: RowGroup = {
  key: "sources",
  title: "Sources",
  itemTitle: "Source",
  intro: "Every document the figures come from. Leave a row empty to leave it out.",
  initialRows: 1,
  maxRows: 50,
  fields: [
    text("key", "Key", "A short name the outcomes refer to: lower-case letters, digits, - and _, e.g. report.", {
      required: true,
    }),
    choice("kind", "Kind", "What sort of document it is.", sourceKinds),
    text("title", "Title", "The document's title.", { required: true }),
    { key: "authors", label: "Authors", help: "One per line, as Family, Given.", kind: "lines" },
    text("publisher", "Publisher", "Journal, agency or outlet."),
    {
      key: "year",
      label: "Year",
      help: "Required for every kind except web pages and source documents.",
      kind: "integer",
    },
    text("url", "Address (URL)", "An absolute http(s) address."),
    text("doi", "DOI", "A bare DOI, e.g. 10.1000/xyz."),
    text("pmid", "PubMed id", "Digits only."),
    text("accessed", "Accessed", "YYYY-MM-DD: when you read it online."),
  ],
};

export const narrativeSection: FormSection = {
  id: "narrative",
  title: "Narrative",
  prefix: "case_study",
  fields: [
    {
      key: "body",
      label: "What happened",
      help: "Markdown: context, what was financed and how, results, caveats.",
      kind: "textarea",
    },
    {
      key: "tags",
      label: "Keywords",
      help: "Optional, lower case, separated by commas; at most 20.",
      kind: "commas",
    },
  ],
};

export const contactSection: FormSection = {
  id: "contact",
  title: "Your contact details",
  intro:
    "So a reviewer can ask you about the sources. They are seen only by reviewers: never shown on this site or returned by its public API.",
  prefix: "contact",
  fields: [
    text("name", "Your name", "Who a reviewer should ask for.", { required: true }),
    text("email", "Email", "Where a reviewer can reach you.", { required: true }),
    text("organisation", "Organisation", "Optional: the programme or organisation you write for."),
  ],
};

/** The fixed sections of the form, in order (the outcome and source rows come between narrative and contact). */
export const allSections: FormSection[] = [...recordSections, narrativeSection, contactSection];

/** An input's id from its name: `case_study.outcomes[0].value` → `f-case_study-outcomes-0-value`. */
export function inputId(name: string): string {
  return `f-${name.replace(/[.[\]]+/g, "-").replace(/-$/, "")}`;
}
