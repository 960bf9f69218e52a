/**
 * Money for people, one set of rules on every page, in every step and in the browser bundle. Written by hand rather
 * than with Intl so that the Worker, every browser and the tests print exactly the same characters.
 *
 * - Full (`formatUsd`): "$1,234.50", "$224,500", "−$1,200". Cents only when the amount has them, and only below
 *   $10,000, where they still matter to a reader; a true minus sign; "$0" for anything that rounds to zero.
 * - Short (`formatUsdShort`), for chart axes and ranges: "$350K", "−$1.3M", "$1.5K", "$950".
 */

const MINUS = "\u2212";
const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** Whole cents at most this far from zero are shown; from here on, whole dollars. */
const CENTS_BELOW = 10_000;

function grouped(unsigned: string): string {
  const [whole, fraction] = unsigned.split(".");
  return (whole ?? "").replace(GROUP, ",") + (fraction !== undefined ? `.${fraction}` : "");
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
