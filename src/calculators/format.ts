/**
 * Number formatting for the human-readable `steps` of a calculator result (en-US: "," groups thousands,
 * "." separates decimals). Written by hand rather than with Intl so that the Worker, every browser and the
 * tests print exactly the same characters; outputs themselves are never rounded, only these strings.
 */

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** Formats `value` with at most `maxFractionDigits` decimals (trailing zeros dropped) and thousands separators. */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) return "n/a";
  // toFixed switches to exponential notation from 1e21; such figures are shown as they are.
  if (Math.abs(value) >= 1e21) return value.toExponential(3);
  let text = value.toFixed(maxFractionDigits);
  if (maxFractionDigits > 0) text = text.replace(/\.?0+$/, "");
  return groupDigits(text);
}

/** Formats a count or other whole figure: "12,000". Fractions are rounded, as members are in the contract. */
export function formatInteger(value: number): string {
  return formatNumber(value, 0);
}

// Money follows the one set of rules every page uses (a true minus sign, cents only below $10,000).
export { formatUsd } from "../domain/money";

/** Formats a figure that is already in percent (18 → "18%"), with at most `maxFractionDigits` decimals. */
export function formatPct(value: number, maxFractionDigits = 2): string {
  return `${formatNumber(value, maxFractionDigits)}%`;
}

/** Formats a benefit-to-cost ratio as "3.00:1"; `null` (denominator 0) prints as "n/a". */
export function formatRatio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return `${formatNumber(value, 2)}:1`;
}

/** Formats a number or `null` with the given formatter, printing `null` as "n/a". */
export function orNA(value: number | null, format: (v: number) => string): string {
  return value === null ? "n/a" : format(value);
}

function groupDigits(text: string): string {
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  const [whole, fraction] = unsigned.split(".");
  const grouped = (whole ?? "").replace(GROUP, ",") + (fraction !== undefined ? `.${fraction}` : "");
  // "-0" after rounding reads as a sign error to a person; show it as zero.
  if (negative && /^[0.,]+$/.test(grouped)) return grouped;
  return negative ? `-${grouped}` : grouped;
}
