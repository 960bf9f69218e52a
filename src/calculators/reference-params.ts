/**
 * Tax-advantaged account limits, transcribed from `shared/data/reference-params.yaml` with each figure's source.
 * A test compares this table with the YAML file, so a new year is added there first and then here.
 * A figure the sources do not give yet is `null`: the calculators report it as "not yet published" and never
 * substitute a guess.
 */

/** Tax years the limits table covers, oldest first. */
export const TAX_YEARS = [2024, 2025, 2026, 2027] as const;

/** One of the tax years in the limits table. */
export type TaxYear = (typeof TAX_YEARS)[number];

/** The latest year in the table: the default `tax_year`. */
export const LATEST_TAX_YEAR: TaxYear = TAX_YEARS[TAX_YEARS.length - 1]!;

export interface HsaLimit {
  self: number;
  family: number;
  catch_up_55: number;
  source: string;
  /** Verbatim wording of the source, where the data file records it. */
  quote?: string;
}

export interface HealthFsaLimit {
  /** `null` when the figure has not been published (see `source`). */
  limit: number | null;
  carryover_max: number | null;
  source: string;
}

export interface DpcFeeCap {
  self: number;
  family: number;
  source: string;
}

/** HSA contribution limits (USD per year) by tax year. */
export const HSA_LIMITS: Readonly<Record<TaxYear, HsaLimit>> = {
  2024: {
    self: 4150,
    family: 8300,
    catch_up_55: 1000,
    source:
      "IRS Rev. Proc. 2023-23 (2024 HSA amounts), as summarised in employer-benefits bulletins; the same figures are in the source article",
  },
  2025: {
    self: 4300,
    family: 8550,
    catch_up_55: 1000,
    source: "IRS Rev. Proc. 2024-25; 2025 column of the 2026/2025 table at https://www.sba-inc.com/?p=734",
  },
  2026: {
    self: 4400,
    family: 8750,
    catch_up_55: 1000,
    source:
      "IRS Rev. Proc. 2025-19, quoted at https://erisabenefitslaw.com/irs-announces-2026-hsa-contribution-limits-hdhp-minimum-deductibles-and-hdhp-maximum-out-of-pocket-amounts",
    quote:
      "For calendar year 2026, the annual limitation on deductions for HSA contributions ... is $4,400 ... and ... $8,750",
  },
  2027: {
    self: 4500,
    family: 9000,
    catch_up_55: 1000,
    source:
      "IRS Rev. Proc. 2026-24, quoted in the BenefitsLink welfare bulletin of 2026-05-29 (https://benefitslink.com/newsletters/2026/2026_05_29_welfare_bulletin.html)",
    quote:
      "For calendar year 2027, the annual limitation on deductions under section 223(b)(2)(A) for an individual with self-only coverage ... is $4,500 ... family coverage ... is $9,000.",
  },
};

/** Health FSA salary-reduction limits (USD per year) and carryover maximums by tax year. */
export const HEALTH_FSA_LIMITS: Readonly<Record<TaxYear, HealthFsaLimit>> = {
  2024: {
    limit: 3200,
    carryover_max: 640,
    source:
      "IRS Rev. Proc. 2023-34 (https://dickerson-group.com/news/november-30,-2023/irs-adjusts-benefit-limits-for-2024)",
  },
  2025: {
    limit: 3300,
    carryover_max: 660,
    source: "IRS Rev. Proc. 2024-40; 2025 column at https://www.sba-inc.com/?p=734 (carryover is 20% of the limit)",
  },
  2026: {
    limit: 3400,
    carryover_max: 680,
    source: "IRS Rev. Proc. 2025-32 (https://austinbenefits.com/?p=16415); carryover 20% of the limit",
  },
  2027: {
    limit: null,
    carryover_max: null,
    source: "not found in stored material as of 2026-11-28: show 'not yet published' rather than a number",
  },
};

/**
 * Monthly cap on direct primary care fees an HSA holder may have (USD per month). Years before the first key
 * have no entry: a DPC arrangement then disqualified HSA contributions.
 */
export const DPC_HSA_FEE_CAP: Readonly<Partial<Record<TaxYear, DpcFeeCap>>> = {
  2026: {
    self: 150,
    family: 300,
    source:
      "OBBBA sec. 71308 text: 'aggregate fees ... for such month exceed $150 (twice such dollar amount in the case of ... more than one individual)'",
  },
  2027: {
    self: 150,
    family: 300,
    source:
      "IRS Rev. Proc. 2026-24 as quoted in the BenefitsLink bulletin of 2026-05-29: 'do not exceed $150 or, if ... more than one individual, $300'",
  },
};

/** Context for the DPC rule as the data file states it. */
export const DPC_RULE_NOTE =
  "One Big Beautiful Bill Act (Pub. L. 119-21) section 71308, amending IRC 223(c)(1); applies to months beginning after 2025-12-31. Before 2026 a DPC arrangement disqualified HSA contributions.";

/** Employee FICA rate avoided by contributions through a section 125 cafeteria plan. */
export const FICA_EMPLOYEE_PCT = {
  value: 7.65,
  source:
    "6.2% Social Security (up to the wage base) + 1.45% Medicare; contributions through a section 125 cafeteria plan avoid both",
} as const;

/** HSA rules used in warnings. */
export const HSA_RULES = {
  excess_contribution_excise_pct: 6,
  nonqualified_withdrawal_penalty_pct: 20,
  nonqualified_withdrawal_penalty_exempt_age: 65,
  catch_up_age: 55,
  source:
    "IRC 4973 (excise on excess contributions) and IRC 223(f)(4) (additional 20% tax on non-qualified distributions, not after 65, disability or death); see IRS Publication 969",
} as const;

/** True when `year` is one of the table's years. */
export function isTaxYear(year: number): year is TaxYear {
  return (TAX_YEARS as readonly number[]).includes(year);
}
