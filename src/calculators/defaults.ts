/**
 * Evidence-linked defaults of the six calculators.
 *
 * Every default carries a reference saying where it comes from:
 * - `case_study`: a record of the knowledge base (`content/case-studies/<slug>.md`) and the outcome metric it
 *   reports; `provenance` is copied here so a calculator can warn when an illustrative figure is still in use;
 * - `reference_param`: a figure of `shared/data/reference-params.yaml` with its source;
 * - `reference_figure`: a published figure of `content/reference-figures/<slug>.md` (a price, a hospital cost, a fee);
 *   the page shows its title, provenance, year of dollars, source and whether it is a price or a cost, and `note`
 *   says how the default uses it (and in which year's dollars, when that is not today's: never inflated silently);
 * - `assumption`: a modelling convention from the contract (`placeholder: false`), or a figure the evidence base
 *   does not give (`placeholder: true`): a plain stand-in the user should replace, never dressed up as sourced.
 *
 * The schemas read their `.default()` values from here, and `GET /api/v1/calculators/{id}` returns the table
 * built by `buildDefaultsTable`, so what a form shows and what the API computes cannot drift apart.
 */

import { formatNumber } from "../domain/numbers";
import type { CalculatorWarning } from "./common";
import { formatPath, getAtPath, parsePath } from "./common";
import { LATEST_TAX_YEAR } from "./reference-params";

export type Provenance = "verified" | "reported" | "illustrative";

export type DefaultReference =
  | {
      kind: "case_study";
      slug: string;
      /** The outcome metric of the record the figure comes from (`other` outcomes carry a label, quoted in `note`); `null` when the figure is not one of the record's outcomes. */
      metric: string | null;
      provenance: Provenance;
      note: string;
    }
  | { kind: "reference_param"; key: string; source: string }
  | { kind: "reference_figure"; slug: string; note: string }
  | { kind: "assumption"; note: string; placeholder: boolean };

/** One default of a calculator: its value and where it comes from. */
export interface DefaultEntry {
  value: unknown;
  reference: DefaultReference;
  /** For a default computed from other inputs or absent unless given: the rule in words (`value` is then `null`). */
  rule?: string;
}

/** Input path (e.g. `savings_lines[0].reduction_pct`) → default with its reference. */
export type DefaultsWithReferences = Record<string, DefaultEntry>;

/** Everything needed to build one calculator's defaults table. */
export interface DefaultsSpec {
  /** Defaults applied when the field is omitted. */
  values: Record<string, unknown>;
  /** Defaults inside an optional object, applied only when that object is given (key = the object's field). */
  optional?: Record<string, Record<string, unknown>>;
  /** Defaults with no fixed value: a rule in words. */
  derived?: Record<string, { rule: string; reference: DefaultReference }>;
  references: Record<string, DefaultReference>;
}

const REPLACE = "not from the evidence base; replace with your own figure";

// The reference builders are marked free of side effects so a bundle that uses one calculator can drop the
// other calculators' default tables (an embed page carries one calculator).
// @__NO_SIDE_EFFECTS__
function caseStudy(slug: string, metric: string | null, provenance: Provenance, note: string): DefaultReference {
  return { kind: "case_study", slug, metric, provenance, note };
}
// @__NO_SIDE_EFFECTS__
function figure(slug: string, note: string): DefaultReference {
  return { kind: "reference_figure", slug, note };
}
// @__NO_SIDE_EFFECTS__
function convention(note: string): DefaultReference {
  return { kind: "assumption", note, placeholder: false };
}
// @__NO_SIDE_EFFECTS__
function placeholder(note: string): DefaultReference {
  return { kind: "assumption", note: `${note}: ${REPLACE}`, placeholder: true };
}

// ---------------------------------------------------------------------------------------------------------
// 1. program-roi: a chronic-pain program (acupuncture, mind-body) covered by a payer.

const MA_PILOT = "medicare-advantage-acupuncture-nutrition-pilot";
const LBP_PILOT = "payer-pilot-acupuncture-low-back-pain";

export const PROGRAM_ROI_DEFAULT_LINES = [
  {
    label: "Advanced imaging for back pain (MRI/CT)",
    baseline_events_per_participant: 0.3,
    cost_per_event: 1000,
    reduction_pct: 30,
  },
  {
    label: "Opioid prescription fills",
    baseline_events_per_participant: 4,
    cost_per_event: 50,
    reduction_pct: 22,
  },
  {
    label: "Hospital readmissions within 30 days",
    baseline_events_per_participant: 0.05,
    cost_per_event: 15200,
    reduction_pct: 18,
  },
] as const;

export const PROGRAM_ROI_DEFAULT_UNCERTAINTY = {
  iterations: 10000,
  seed: 1,
  reduction_spread_pct: 50,
  cost_spread_pct: 20,
} as const;

export const PROGRAM_ROI_DEFAULTS = {
  values: {
    participants: 1000,
    cost_per_participant: 475,
    fixed_cost_per_year: 0,
    upfront_cost: 0,
    savings_lines: PROGRAM_ROI_DEFAULT_LINES,
    years: 3,
    discount_rate_pct: 3,
    effect_decay_pct_per_year: 0,
    sensitivity_pct: 20,
  },
  optional: { uncertainty: PROGRAM_ROI_DEFAULT_UNCERTAINTY },
  derived: {
    uncertainty: {
      rule: "absent: no Monte Carlo unless the object is given; its fields then default as listed",
      reference: convention("The uncertainty analysis is opt-in."),
    },
  },
  references: {
    participants: convention("A program of 1,000 participants."),
    cost_per_participant: figure(
      "mbsr-course-fee-uw-health",
      "$475: the fee for a typical eight-week mindfulness-based stress reduction (MBSR) course, a group mind-body programme for chronic pain (the source does not say in which year's dollars). " +
        "For comparison, the verified trial of MBSR for low back pain found MBSR lowered the health plan's total cost by $982 per participant over one year, programme cost included.",
    ),
    fixed_cost_per_year: convention("No fixed program cost unless you add one."),
    upfront_cost: convention("No start-up cost unless you add one."),
    "savings_lines[0].label": convention("Label of an example savings line."),
    "savings_lines[0].baseline_events_per_participant": placeholder(
      "0.3 advanced-imaging studies (MRI/CT) per participant per year",
    ),
    "savings_lines[0].cost_per_event": placeholder("$1,000 per advanced-imaging study"),
    "savings_lines[0].reduction_pct": caseStudy(
      LBP_PILOT,
      "advanced_imaging",
      "illustrative",
      "Advanced imaging fell 30% when a payer covered acupuncture for low back pain (source-article figure, no primary source).",
    ),
    "savings_lines[1].label": convention("Label of an example savings line."),
    "savings_lines[1].baseline_events_per_participant": placeholder(
      "4 opioid prescription fills per participant per year",
    ),
    "savings_lines[1].cost_per_event": placeholder("$50 per opioid prescription fill"),
    "savings_lines[1].reduction_pct": caseStudy(
      MA_PILOT,
      "opioid_fills",
      "illustrative",
      "22% fewer opioid fills after a Medicare Advantage plan covered acupuncture and dietary counselling (source-article figure). " +
        "For comparison, the VA's flagship evaluation (va-whole-health-flagship-evaluation, reported) found opioid use fell 38% among comprehensive Whole Health users vs 11% without.",
    ),
    "savings_lines[2].label": convention("Label of an example savings line."),
    "savings_lines[2].baseline_events_per_participant": placeholder(
      "0.05 readmissions within 30 days per participant per year",
    ),
    "savings_lines[2].cost_per_event": figure(
      "hcup-readmission-cost-2018",
      "$15,200: the average hospital cost of a 30-day readmission in 2018, in 2018 dollars (not adjusted for inflation). A hospital cost, not what a payer pays.",
    ),
    "savings_lines[2].reduction_pct": caseStudy(
      MA_PILOT,
      "readmissions_30d",
      "illustrative",
      "18% fewer 30-day readmissions in the same Medicare Advantage pilot (source-article figure, which also claims an ROI of about 3:1 within 18 months).",
    ),
    years: convention("A 3-year horizon."),
    discount_rate_pct: convention("3% a year, a common rate in health-economic evaluation."),
    effect_decay_pct_per_year: convention(
      "No decay. For acupuncture, the 2018 individual-patient-data meta-analysis reports the effect falling about 15% at one year.",
    ),
    sensitivity_pct: convention("Each input 20% lower and higher."),
    "uncertainty.iterations": convention("10,000 Monte Carlo draws."),
    "uncertainty.seed": convention("A fixed seed: the same seed gives the same answer."),
    "uncertainty.reduction_spread_pct": convention(
      "Each reduction drawn between half and one and a half times its value.",
    ),
    "uncertainty.cost_spread_pct": convention("Cost per participant drawn within ±20%."),
  },
} satisfies DefaultsSpec;

// ---------------------------------------------------------------------------------------------------------
// 2. shared-savings: an ACO contract that funds integrative care.

export const SHARED_SAVINGS_DEFAULTS = {
  values: {
    beneficiaries: 10000,
    benchmark_pmpy: 12000,
    integrative_cost_pmpy: 250,
    spend_reduction_pct: 12,
    minimum_savings_rate_pct: 2,
    shared_savings_rate_pct: 50,
    quality_score_pct: 100,
    savings_cap_pct: 10,
    two_sided: false,
    minimum_loss_rate_pct: 2,
    shared_loss_rate_pct: 30,
    loss_cap_pct: 4,
  },
  derived: {
    baseline_spend_pmpy: {
      rule: "equal to the benchmark per beneficiary when omitted",
      reference: convention("Without other information, expected spending equals the benchmark."),
    },
  },
  references: {
    beneficiaries: convention("10,000 attributed beneficiaries."),
    benchmark_pmpy: placeholder("$12,000 benchmark per beneficiary per year"),
    integrative_cost_pmpy: placeholder("$250 per beneficiary per year for the integrative services"),
    spend_reduction_pct: caseStudy(
      "employer-aco-bundled-payments-wellness-stipends",
      "total_cost_of_care",
      "illustrative",
      "Total cost of care fell 12% for 5,000 employees under bundled payments plus wellness stipends (source-article figure, no primary source).",
    ),
    minimum_savings_rate_pct: convention("A minimum savings rate of 2%."),
    shared_savings_rate_pct: convention("The ACO keeps 50% of savings."),
    quality_score_pct: convention("Full quality score."),
    savings_cap_pct: convention("Payment capped at 10% of the total benchmark."),
    two_sided: convention("One-sided (upside-only) risk."),
    minimum_loss_rate_pct: convention("A minimum loss rate of 2%."),
    shared_loss_rate_pct: convention("The ACO repays 30% of losses."),
    loss_cap_pct: convention("Repayment capped at 4% of the total benchmark."),
  },
} satisfies DefaultsSpec;

// ---------------------------------------------------------------------------------------------------------
// 3. episode-bundle: a maternity bundle with a doula add-on.

const DOULA_OUTCOMES = "doula-care-medicaid-birth-outcomes";

export const EPISODE_BUNDLE_DEFAULT_BRANCHES = [
  { label: "Caesarean birth", cost: 17103, baseline_share_pct: 31.5, program_share_pct: 22.3 },
  { label: "Vaginal birth", cost: 11453, baseline_share_pct: 68.5, program_share_pct: 77.7 },
] as const;

export const EPISODE_BUNDLE_DEFAULTS = {
  values: {
    episodes_per_year: 1000,
    target_price: 13393,
    branches: EPISODE_BUNDLE_DEFAULT_BRANCHES,
    addon_cost_per_episode: 986,
    stop_gain_pct: 20,
    stop_loss_pct: 20,
  },
  references: {
    episodes_per_year: convention("1,000 episodes a year."),
    target_price: figure(
      "hcci-childbirth-price-all-births-2020",
      "$13,393: the average price of a birth (all modes) under employer-sponsored insurance in 2020, in 2020 dollars (not adjusted for inflation), as a target price equal to today's average.",
    ),
    "branches[0].label": convention("Path of the episode."),
    "branches[0].cost": figure(
      "hcci-caesarean-birth-price-2020",
      "$17,103: the average price of a caesarean birth under employer-sponsored insurance in 2020, in 2020 dollars (not adjusted for inflation). A commercial price, while the shares below are Medicaid's: Medicaid pays less.",
    ),
    "branches[0].baseline_share_pct": caseStudy(
      DOULA_OUTCOMES,
      "c_section_rate",
      "verified",
      "31.5%: caesarean rate among Medicaid births nationally, the comparison group of the doula study.",
    ),
    "branches[0].program_share_pct": caseStudy(
      DOULA_OUTCOMES,
      "c_section_rate",
      "verified",
      "22.3%: caesarean rate among doula-supported Medicaid births (observational; doula users self-selected).",
    ),
    "branches[1].label": convention("Path of the episode."),
    "branches[1].cost": figure(
      "hcci-vaginal-birth-price-2020",
      "$11,453: the average price of a vaginal birth under employer-sponsored insurance in 2020, in 2020 dollars (not adjusted for inflation).",
    ),
    "branches[1].baseline_share_pct": caseStudy(
      DOULA_OUTCOMES,
      "c_section_rate",
      "verified",
      "68.5% = 100 − the 31.5% caesarean rate of the comparison group.",
    ),
    "branches[1].program_share_pct": caseStudy(
      DOULA_OUTCOMES,
      "c_section_rate",
      "verified",
      "77.7% = 100 − the 22.3% caesarean rate with doula support.",
    ),
    addon_cost_per_episode: caseStudy(
      "doula-care-cost-effectiveness-model",
      "other",
      "reported",
      "$986: the average doula reimbursement per birth at which the cost model found doula care cost-saving or break-even for Medicaid (range $929–$1,047 across states); " +
        "that model also counts preterm births avoided, which this two-branch default does not. " +
        "Minnesota Medicaid pays $47 per prenatal or postpartum visit and $488 for labour and delivery.",
    ),
    stop_gain_pct: convention("Gains capped at 20% of the target price."),
    stop_loss_pct: convention("Losses capped at 20% of the target price."),
  },
} satisfies DefaultsSpec;

// ---------------------------------------------------------------------------------------------------------
// 4. membership-clinic: a $60/month membership clinic seeded with $350K.

export const MEMBERSHIP_CLINIC_DEFAULT_TIERS = [
  { label: "Monthly membership", monthly_fee: 60, members_start: 0, share_of_new_members_pct: 100 },
] as const;

export const MEMBERSHIP_CLINIC_DEFAULTS = {
  values: {
    tiers: MEMBERSHIP_CLINIC_DEFAULT_TIERS,
    new_members_per_month: 40,
    monthly_churn_pct: 2,
    other_monthly_revenue: 0,
    visits_per_member_per_month: 0.5,
    cost_per_visit: 45,
    fixed_monthly_costs: 25000,
    starting_cash: 350000,
    months: 24,
    revenue_variability_pct: 25,
    reserve_target_months: 12,
  },
  references: {
    "tiers[0].label": convention("Name of the tier."),
    "tiers[0].monthly_fee": figure(
      "dpc-practice-monthly-fee-example",
      "$60 a month: what one direct primary care practice charges a member (the year of dollars is not stated). " +
        "The illustrative rural co-operative of the source article charges the same.",
    ),
    "tiers[0].members_start": convention("A new clinic opening with no members."),
    "tiers[0].share_of_new_members_pct": convention("A single tier takes every new member."),
    new_members_per_month: placeholder("40 new members a month"),
    monthly_churn_pct: placeholder("2% of members leave each month"),
    other_monthly_revenue: convention("No grants or payer revenue unless you add them."),
    visits_per_member_per_month: placeholder(
      "0.5 visits per member per month (the illustrative co-operative reports 1,200 visits in its first year)",
    ),
    cost_per_visit: placeholder("$45 of clinical cost per visit"),
    fixed_monthly_costs: placeholder("$25,000 of fixed costs a month"),
    starting_cash: caseStudy(
      "social-impact-bond-crowdfunded-sliding-scale-clinic",
      "other",
      "illustrative",
      '$350K raised through a social impact bond and local crowdfunding to seed a sliding-scale clinic (outcome "Seed capital raised"; source-article figure).',
    ),
    months: convention("A 24-month projection."),
    revenue_variability_pct: convention(
      "The source article advises planning for 20–30% initial revenue variability; 25% is the midpoint (unsourced advice).",
    ),
    reserve_target_months: convention(
      "The source article advises a 12–18 month reserve; 12 is the lower end (unsourced advice).",
    ),
  },
} satisfies DefaultsSpec;

// ---------------------------------------------------------------------------------------------------------
// 5. hsa-tax-savings.

/** In a builder, not inline: a template literal naming a constant keeps a bundler from dropping an unused table. */
// @__NO_SIDE_EFFECTS__
function latestTaxYearReference(): DefaultReference {
  return {
    kind: "reference_param",
    key: `hsa_limits / health_fsa_limits, year ${LATEST_TAX_YEAR}`,
    source:
      "The latest tax year for which this site records the IRS limits for HSAs and health FSAs; each limit names its IRS source.",
  };
}

export const HSA_TAX_SAVINGS_DEFAULTS = {
  values: {
    tax_year: LATEST_TAX_YEAR,
    account: "hsa" as const,
    coverage: "self" as const,
    age: 40,
    annual_qualified_expenses: 1000,
    federal_marginal_rate_pct: 22,
    state_rate_pct: 0,
    payroll_deduction: true,
    dpc_monthly_fee: 0,
  },
  derived: {
    planned_contribution: {
      rule: "the smaller of the expected qualified expenses and the limit (the expenses alone when the limit is not yet published)",
      reference: convention("Contribute what you expect to spend, within the limit."),
    },
  },
  references: {
    tax_year: latestTaxYearReference(),
    account: convention("A health savings account."),
    coverage: convention("Self-only coverage."),
    age: convention("40, below the catch-up age of 55."),
    annual_qualified_expenses: convention(
      "$1,000, inside the $500–$1,500 a year the source article says direct-pay patients commonly spend on acupuncture or functional medicine (unsourced).",
    ),
    federal_marginal_rate_pct: convention("The 22% federal bracket; enter your own."),
    state_rate_pct: convention("No state income tax; enter your own."),
    payroll_deduction: convention("Contributed through an employer's cafeteria plan."),
    dpc_monthly_fee: convention("No direct primary care membership."),
  },
} satisfies DefaultsSpec;

// ---------------------------------------------------------------------------------------------------------
// 6. patient-cost-compare.

export const PATIENT_COST_DEFAULT_INSURANCE = {
  allowed_amount: 100,
  remaining_deductible: 1500,
  copay: 0,
  coinsurance_pct: 20,
  covered_visits_per_year: 20,
} as const;

export const PATIENT_COST_COMPARE_DEFAULTS = {
  values: {
    visits_per_year: 12,
    cash_price_per_visit: 90,
    membership_monthly_fee: 100,
    membership_visits_per_month: null,
    membership_extra_visit_price: 45,
    hsa_tax_rate_pct: 0,
  },
  optional: { insurance: PATIENT_COST_DEFAULT_INSURANCE },
  derived: {
    insurance: {
      rule: "absent: no insurance option unless the object is given; its fields then default as listed",
      reference: convention("The insurance option is opt-in."),
    },
  },
  references: {
    visits_per_year: convention("One visit a month."),
    cash_price_per_visit: figure(
      "vermont-acupuncture-cash-price-per-visit-2017",
      "$90: the upper end of the $70–$90 an acupuncture visit cost a cash-paying patient in Vermont, as described in 2017 (the year of dollars is not stated).",
    ),
    membership_monthly_fee: figure(
      "dpc-adult-monthly-fee-range-aafp",
      "$100 a month: the upper end of the $50–$100 direct primary care practices charge an adult (AAFP, in 2024 dollars). The source article quotes integrative memberships of $50–$200 a month.",
    ),
    membership_visits_per_month: convention("Unlimited visits."),
    membership_extra_visit_price: placeholder("$45 per visit beyond the membership's allowance"),
    hsa_tax_rate_pct: convention("Not paid from an HSA."),
    "insurance.allowed_amount": placeholder("an example plan allowing $100 per visit"),
    "insurance.remaining_deductible": placeholder("an example plan with $1,500 of deductible left"),
    "insurance.copay": placeholder("an example plan with no copay"),
    "insurance.coinsurance_pct": placeholder("an example plan with 20% coinsurance"),
    "insurance.covered_visits_per_year": placeholder("an example plan covering 20 visits a year"),
  },
} satisfies DefaultsSpec;

// ---------------------------------------------------------------------------------------------------------
// Building the table and spotting defaults that are still in use.

function flatten(value: unknown, prefix: (string | number)[], out: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      flatten(item, [...prefix, index], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) flatten(child, [...prefix, key], out);
  } else {
    out.set(formatPath(prefix), value);
  }
}

/** Builds the path → { value, reference } table of a calculator (a fresh object on every call). */
export function buildDefaultsTable(spec: DefaultsSpec): DefaultsWithReferences {
  const leaves = new Map<string, unknown>();
  flatten(spec.values, [], leaves);
  for (const [key, group] of Object.entries(spec.optional ?? {})) flatten(group, [key], leaves);
  const table: DefaultsWithReferences = {};
  for (const [path, value] of leaves) {
    const reference = spec.references[path];
    // A default without a reference is a programming error the defaults test catches.
    if (reference === undefined) throw new Error(`default ${path} has no reference`);
    table[path] = { value, reference: { ...reference } };
  }
  for (const [path, { rule, reference }] of Object.entries(spec.derived ?? {})) {
    table[path] = { value: null, rule, reference: { ...reference } };
  }
  return table;
}

/**
 * True when the input at `path` still holds its default. Inside arrays the item must also keep its default
 * label, so a user's own line that happens to share a number is not mistaken for the default.
 */
function defaultInUse(inputs: unknown, path: string, entry: DefaultEntry, table: DefaultsWithReferences): boolean {
  if (entry.rule !== undefined) return false;
  const segments = parsePath(path);
  if (getAtPath(inputs, segments) !== entry.value) return false;
  for (let i = 0; i < segments.length; i++) {
    if (typeof segments[i] !== "number") continue;
    const labelPath = formatPath([...segments.slice(0, i + 1), "label"]);
    const labelEntry = table[labelPath];
    if (labelEntry !== undefined && getAtPath(inputs, parsePath(labelPath)) !== labelEntry.value) return false;
  }
  return true;
}

function describe(path: string, value: unknown): string {
  return `${path} = ${typeof value === "number" ? formatNumber(value, 4) : String(value)}`;
}

/**
 * Warnings for defaults still in use that come from illustrative records (`illustrative_default`) or are
 * placeholders outside the evidence base (`assumption_default`).
 */
export function defaultWarnings(inputs: unknown, table: DefaultsWithReferences): CalculatorWarning[] {
  const illustrative: string[] = [];
  const illustrativeText: string[] = [];
  const placeholders: string[] = [];
  const placeholderText: string[] = [];
  for (const [path, entry] of Object.entries(table)) {
    const ref = entry.reference;
    const isIllustrative = ref.kind === "case_study" && ref.provenance === "illustrative";
    const isPlaceholder = ref.kind === "assumption" && ref.placeholder;
    if (!isIllustrative && !isPlaceholder) continue;
    if (!defaultInUse(inputs, path, entry, table)) continue;
    if (ref.kind === "case_study") {
      illustrative.push(path);
      illustrativeText.push(`${describe(path, entry.value)} (${ref.slug}${ref.metric ? `, ${ref.metric}` : ""})`);
    } else {
      placeholders.push(path);
      placeholderText.push(describe(path, entry.value));
    }
  }
  const warnings: CalculatorWarning[] = [];
  if (illustrative.length > 0) {
    warnings.push({
      code: "illustrative_default",
      message:
        `Default figures from illustrative records (source-article examples with no identifiable primary source) are in use: ` +
        `${illustrativeText.join("; ")}. Treat the result as an example, not as evidence, and replace them with your own or verified figures.`,
      fields: illustrative,
    });
  }
  if (placeholders.length > 0) {
    warnings.push({
      code: "assumption_default",
      message:
        `Placeholder figures that are not from the evidence base are in use: ${placeholderText.join("; ")}. ` +
        `Replace them with your own figures.`,
      fields: placeholders,
    });
  }
  return warnings;
}
