/**
 * Numbers and money for people: one set of rules on every page, in every calculator step, in exports and in the
 * browser bundle. Written by hand rather than with Intl so that the Worker, every browser and the tests print exactly
 * the same characters. Outputs of the API are never rounded; only these display strings are.
 *
 * - en-US grouping ("12,000") and a true minus sign ("−18"); nothing that rounds to zero shows a sign.
 * - Numbers keep at most the digits asked for, trailing zeros dropped ("1,234.5").
 * - Money in full (`formatUsd`): "$1,234.50", "$224,500", "−$1,200": cents only when the amount has them, and only
 *   below $10,000, where they still matter to a reader.
 * - Money short (`formatUsdShort`), for chart axes and ranges: "$350K", "−$1.3M", "$1.5K", "$950".
 */

const MINUS = "\u2212";
const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** Whole cents at most this far from zero are shown; from here on, whole dollars. */
const CENTS_BELOW = 10_000;

/** Groups the whole part of an unsigned decimal string: "1234.5" → "1,234.5". */
function grouped(unsigned: string): string {
  const [whole, fraction] = unsigned.split(".");
  return (whole ?? "").replace(GROUP, ",") + (fraction !== undefined ? `.${fraction}` : "");
}

/** `value` with at most `maxFractionDigits` decimals (trailing zeros dropped), grouped: "1,234.5", "−18". */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  // toFixed switches to exponential notation from 1e21; such figures are shown as they are.
  if (abs >= 1e21) return `${value < 0 ? MINUS : ""}${abs.toExponential(3)}`;
  let text = abs.toFixed(maxFractionDigits);
  if (maxFractionDigits > 0) text = text.replace(/\.?0+$/, "");
  // "−0" after rounding reads as a sign error to a person; show it as zero.
  return value < 0 && /[1-9]/.test(text) ? `${MINUS}${grouped(text)}` : grouped(text);
}

/** A signed number: "+8", "−18", "0". */
export function formatSigned(value: number, maxFractionDigits = 2): string {
  const text = formatNumber(value, maxFractionDigits);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** A count or other whole figure: "12,000". Fractions are rounded, as members are in the contract. */
export function formatInteger(value: number): string {
  return formatNumber(value, 0);
}

/** A figure that is already in percent (18 → "18%"), with at most `maxFractionDigits` decimals. */
export function formatPct(value: number, maxFractionDigits = 2): string {
  return `${formatNumber(value, maxFractionDigits)}%`;
}

/** A benefit-to-cost ratio as "3:1"; `null` (denominator 0) prints as "n/a". */
export function formatRatio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return `${formatNumber(value, 2)}:1`;
}

/** A number or `null` with the given formatter, printing `null` as "n/a". */
export function orNA(value: number | null, format: (v: number) => string): string {
  return value === null ? "n/a" : format(value);
}

function sign(value: number, signed: boolean): string {
  if (value < 0) return MINUS;
  return signed && value > 0 ? "+" : "";
}

/** Money in US dollars, in full: "$1,234.50", "$224,500", "−$1,200"; `signed` adds "+" to a gain. */
export function formatUsd(value: number, signed = false): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1e21) return `${sign(value, signed)}$${abs.toExponential(3)}`;
  const cents = Math.round(abs * 100);
  if (cents === 0) return "$0";
  const digits = abs < CENTS_BELOW && cents % 100 !== 0 ? 2 : 0;
  return `${sign(value, signed)}$${grouped(abs.toFixed(digits))}`;
}

function scaled(abs: number, digits: number): string {
  return grouped(abs.toFixed(digits)).replace(/\.0$/, "");
}

/** Money in few characters, for chart axes and ranges: "$350K", "−$1.3M", "$1.5K", "$950". */
export function formatUsdShort(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  const s = value < 0 && Math.round(abs) !== 0 ? MINUS : "";
  if (abs >= 1e9) return `${s}$${scaled(abs / 1e9, 1)}B`;
  if (abs >= 1e6) return `${s}$${scaled(abs / 1e6, 1)}M`;
  if (abs >= 1e4) return `${s}$${scaled(abs / 1e3, 0)}K`;
  if (abs >= 1e3) return `${s}$${scaled(abs / 1e3, 1)}K`;
  return formatUsd(value < 0 ? -Math.round(abs) : Math.round(abs));
}
