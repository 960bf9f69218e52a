/**
 * The "last reviewed" date of a record (contract field `reviewed`): the day someone last checked every figure
 * against its sources. A record not reviewed for REVIEW_STALE_MONTHS is flagged as possibly out of date. Pure: the
 * caller passes the current date, so a page computes it per request and a test can pin it.
 */

/** After this many months without a review, a record is shown as possibly out of date. */
export const REVIEW_STALE_MONTHS = 24;

export interface ReviewState {
  /** The review date as stated, YYYY-MM-DD. */
  date: string;
  /** The date in words, e.g. "3 March 2025". */
  text: string;
  /** True when REVIEW_STALE_MONTHS or more have passed since the review. */
  stale: boolean;
}

/** What to show about a record's review on `today`; null when it states no review date (then show no date at all). */
export function reviewState(reviewed: string | undefined, today: Date): ReviewState | null {
  if (!reviewed) return null;
  const [year, month, day] = reviewed.split("-").map(Number) as [number, number, number];
  // The day the review goes stale: the same day of the month REVIEW_STALE_MONTHS later (29 February rolls over).
  const staleFrom = Date.UTC(year, month - 1 + REVIEW_STALE_MONTHS, day);
  const text = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return { date: reviewed, text, stale: today.getTime() >= staleFrom };
}
