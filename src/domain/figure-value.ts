/**
 * A reference figure in plain words ("$17,103 per birth", "In 2023 dollars, not adjusted for inflation."), shared by
 * the figure pages and the search's figure cards. Pure: no I/O.
 */
import { formatNumber, formatPct, formatUsd } from "./numbers";
import { figurePer } from "./reference-figure-labels";

/** What the wording needs of a figure (a stored record, or a search hit with its nulls made undefined). */
export interface FigureAmount {
  value: number;
  low?: number | undefined;
  high?: number | undefined;
  unit: string;
  per?: string | undefined;
  price_year?: number | undefined;
}

function amount(figure: FigureAmount, n: number): string {
  if (figure.unit === "usd") return formatUsd(n);
  if (figure.unit === "percent") return formatPct(n, 2);
  return `${formatNumber(n, 2)} ${figure.unit === "count" ? "" : figure.unit}`.trim();
}

/** The figure in words: "$17,103" or "$70 to $90", with what it is per. */
export function figureValue(figure: FigureAmount): string {
  const value =
    figure.low !== undefined && figure.high !== undefined && figure.low !== figure.high
      ? `${amount(figure, figure.low)} to ${amount(figure, figure.high)}`
      : amount(figure, figure.value);
  const per = figure.per ? ` ${figurePer.label(figure.per).toLowerCase()}` : "";
  return `${value}${per}`;
}

/** For an amount in dollars: in which year's dollars, or that the source does not say; null for other units. */
export function dollarsYear(figure: FigureAmount): string | null {
  if (figure.unit !== "usd") return null;
  return figure.price_year === undefined
    ? "The source does not say in which year's dollars."
    : `In ${figure.price_year} dollars, not adjusted for inflation.`;
}
