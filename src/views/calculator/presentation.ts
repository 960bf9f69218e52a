/**
 * What a calculator result shows people, as data: headline figures, a plain-language verdict, charts with their data
 * tables, the steps as table rows, the warnings and the inputs used. Each calculator's presenter (presenters/) builds
 * one; results-view.tsx renders it. PURE and shared by the Worker and the browser bundle. Numbers are formatted here
 * for display only; the API returns them unrounded.
 */
import type { AnyCalculatorResult, CalculatorId, CalculatorWarning } from "../../calculators";
import { formatInteger, formatNumber, formatPct, formatUsd } from "../../domain/numbers";
import { type Field, formModel, type ScalarField } from "./form-state";
import { optionLabel } from "./labels";

export interface Figure {
  label: string;
  value: string;
  note?: string;
  tone?: "good" | "bad";
}

export interface DataTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface ChartBlock {
  heading: string;
  /** Chart type, as a class for the stylesheet (phones size the type of each kind differently). */
  kind: "bar-line" | "tornado" | "histogram" | "comparison";
  svg: string;
  caption: string;
  table: DataTable;
}

export interface StepRow {
  label: string;
  working: string;
  result: string;
}

/** A warning with its title for people. */
export interface PresentedWarning extends CalculatorWarning {
  title: string;
}

/** Warning code → its title for people, as each presenter declares them for its own calculator's warnings. */
export type WarningTitles = Readonly<Record<string, string>>;

/** The titles of the warnings every calculator can give: about the defaults still in use (calculators/defaults.ts). */
export const DEFAULT_WARNING_TITLES: WarningTitles = {
  illustrative_default: "Illustrative figures in use.",
  assumption_default: "Placeholder figures in use.",
};

/** A warning's title for people; a code without one is spelt out rather than shown as a key. */
export function warningTitle(code: string, titles: WarningTitles): string {
  return (
    titles[code] ??
    DEFAULT_WARNING_TITLES[code] ??
    `${code.charAt(0).toUpperCase()}${code.slice(1).replaceAll("_", " ")}.`
  );
}

export interface Presentation {
  calculator: CalculatorId;
  figures: Figure[];
  verdict: string;
  charts: ChartBlock[];
  steps: StepRow[];
  warnings: PresentedWarning[];
  /** The inputs the result was computed from, for the printed summary. */
  inputs: { label: string; value: string }[];
}

/** "1 year", "3 years". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

/** Cuts a label to `max` characters with an ellipsis (chart labels; the data tables keep the whole text). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Splits an engine step into columns for the steps table: the label (before the first " = " or ": "), the working,
 * and the result (after the last " = "). A step that chains several statements with "; " keeps them together.
 */
export function stepRow(step: string): StepRow {
  const eq = step.indexOf(" = ");
  const colon = step.indexOf(": ");
  const candidates = [eq, colon].filter((i) => i > 0 && i < 80);
  if (candidates.length === 0) return { label: "", working: step, result: "" };
  const at = Math.min(...candidates);
  const label = step.slice(0, at);
  const rest = step.slice(at + (at === eq ? 3 : 2));
  if (rest.includes("; ")) return { label, working: rest, result: "" };
  const last = rest.lastIndexOf(" = ");
  if (last >= 0) return { label, working: rest.slice(0, last), result: rest.slice(last + 3) };
  return at === eq ? { label, working: "", result: rest } : { label, working: rest, result: "" };
}

function formatByUnit(field: ScalarField, value: unknown): string {
  if (value === null) return /unlimited/i.test(field.description) ? "unlimited" : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value !== "number") return optionLabel(String(value)) ?? String(value);
  const unit = field.unit ?? "";
  const per = (rest: string) => rest.replaceAll("/", " per ");
  if (unit.startsWith("USD")) return `${formatUsd(value)}${per(unit.slice(3))}`;
  if (unit.startsWith("percent")) return `${formatPct(value, 4)}${per(unit.slice(7))}`;
  if (field.kind === "enum") return String(value);
  return `${formatNumber(value, 4)}${unit ? ` ${per(unit)}` : ""}`;
}

function inputSummary(calculator: AnyCalculatorResult["calculator"], inputs: unknown): Presentation["inputs"] {
  const out: Presentation["inputs"] = [];
  const values = inputs as Record<string, unknown>;
  const add = (fields: Field[], source: Record<string, unknown>, prefix: string) => {
    for (const field of fields) {
      const value = source[field.key];
      if (field.kind === "array") {
        (Array.isArray(value) ? value : []).forEach((row: Record<string, unknown>, i) => {
          for (const cell of field.itemFields) {
            out.push({
              label: `${prefix}${field.itemTitle} ${i + 1}: ${cell.title}`,
              value: formatByUnit(cell, row[cell.key]),
            });
          }
        });
      } else if (field.kind === "object") {
        if (value && typeof value === "object") add(field.fields, value as Record<string, unknown>, `${field.title}: `);
        else out.push({ label: field.title, value: "off" });
      } else if (value !== undefined) {
        out.push({ label: `${prefix}${field.title}`, value: formatByUnit(field, value) });
      }
    }
  };
  add(formModel(calculator).fields, values, "");
  return out;
}

/** The verdict's closing sentence when illustrative defaults are in use. */
export function illustrativeNote(warnings: CalculatorWarning[]): string {
  return warnings.some((w) => w.code === "illustrative_default")
    ? " Some defaults come from illustrative records: treat this as an example until you enter your own figures."
    : "";
}

/**
 * A presentation from a presenter's figures, verdict and charts, with the steps, the warnings (titled from `titles`,
 * the presenter's own, so a browser bundle carries one calculator's titles) and the inputs used.
 */
export function finish(
  result: AnyCalculatorResult,
  figures: Figure[],
  verdict: string,
  charts: ChartBlock[],
  titles: WarningTitles,
): Presentation {
  return {
    calculator: result.calculator,
    figures,
    verdict,
    charts,
    steps: result.steps.map(stepRow),
    warnings: result.warnings.map((w) => ({ ...w, title: warningTitle(w.code, titles) })),
    inputs: inputSummary(result.calculator, result.inputs),
  };
}
