/**
 * The calculators' cross-field rules (shares that must sum to 100), apart from both the zod schemas that refine with
 * them and the compute modules, so the browser's form check uses them without zod and no schema imports its
 * calculator (which imports the schema's types).
 */
import { formatNumber } from "../domain/numbers";
import { type CrossFieldRule, SHARE_TOLERANCE, shareSum } from "./common";

/** The two share columns of an episode-bundle branch. */
export const SHARE_COLUMNS = ["baseline_share_pct", "program_share_pct"] as const;

/** How a share column is named in an error a person reads (the path already names the column for programs). */
const SHARE_COLUMN_WORDS: Record<(typeof SHARE_COLUMNS)[number], string> = {
  baseline_share_pct: "The shares without the add-on",
  program_share_pct: "The shares with the add-on",
};

/** Each share column sums to 100 across the branches (the schema's refinement and the browser's form check). */
export const shareColumnsRule: CrossFieldRule<{
  branches: readonly Record<(typeof SHARE_COLUMNS)[number], number>[];
}> = {
  field: "branches",
  check(inputs) {
    const failures: { path: (string | number)[]; message: string }[] = [];
    for (const column of SHARE_COLUMNS) {
      const sum = shareSum(inputs.branches, (branch) => branch[column]);
      if (Math.abs(sum - 100) > SHARE_TOLERANCE) {
        failures.push({
          path: ["branches", column],
          message: `${SHARE_COLUMN_WORDS[column]} must sum to 100% across the paths (±${SHARE_TOLERANCE}); they sum to ${formatNumber(sum, 4)}%`,
        });
      }
    }
    return failures;
  },
};

/** The shares of new members sum to 100 across the tiers (the schema's refinement and the browser's form check). */
export const tierSharesRule: CrossFieldRule<{ tiers: readonly { share_of_new_members_pct: number }[] }> = {
  field: "tiers",
  check(inputs) {
    const sum = shareSum(inputs.tiers, (tier) => tier.share_of_new_members_pct);
    if (Math.abs(sum - 100) <= SHARE_TOLERANCE) return [];
    return [
      {
        path: ["tiers", "share_of_new_members_pct"],
        message: `The shares of new members must sum to 100% across the tiers (±${SHARE_TOLERANCE}); they sum to ${formatNumber(sum, 4)}%`,
      },
    ];
  },
};
