/**
 * What an embed frame's query asks for, checked: the frame options (domain/embed-url.ts) and, for a calculator,
 * which inputs are locked. Never throws: anything invalid falls back to its default with a note shown in the frame.
 */
import { type EmbedNote, type EmbedOptions, parseEmbedOptions } from "../domain/embed-url";
import { type Field, type FormModel, fieldAt } from "../views/calculator/form-state";

/** The frame options of a calculator embed, with its lock list reduced to names the calculator has. */
export interface CalculatorEmbedOptions extends EmbedOptions {
  /** The query pairs the frame keeps across a GET submit (theme, accent, compact, lock), in that order. */
  keep: [string, string][];
}

/** True when `name` is an input of `model`: a scalar path, or a whole group (an array or an optional object). */
function isInputName(model: FormModel, name: string): boolean {
  if (fieldAt(model, name)) return true;
  return model.fields.some((f: Field) => (f.kind === "array" || f.kind === "object") && f.key === name);
}

/** The frame's own options as query pairs (what a submit must carry along). */
export function keptPairs(options: Pick<EmbedOptions, "theme" | "accent" | "compact" | "lock">): [string, string][] {
  const pairs: [string, string][] = [];
  if (options.theme !== "auto") pairs.push(["theme", options.theme]);
  if (options.accent) pairs.push(["accent", options.accent]);
  if (options.compact) pairs.push(["compact", "1"]);
  if (options.lock.length) pairs.push(["lock", options.lock.join(",")]);
  return pairs;
}

/** Reads a calculator frame's options; lock names that are no input of the calculator are dropped with a note. */
export function calculatorEmbedOptions(model: FormModel, params: URLSearchParams): CalculatorEmbedOptions {
  const options = parseEmbedOptions(params);
  const unknown = options.lock.filter((name) => !isInputName(model, name));
  const notes: EmbedNote[] = [...options.notes];
  if (unknown.length) {
    notes.push({
      option: "lock",
      message: `Some inputs asked to be fixed do not exist in this calculator (${unknown.join(", ")}), so they are ignored.`,
    });
  }
  const lock = options.lock.filter((name) => isInputName(model, name));
  const checked = { ...options, lock, notes };
  return { ...checked, keep: keptPairs(checked) };
}

/**
 * How many of a model's top-level fields a frame shows before "More inputs": the first four, in schema order (the
 * engines list the inputs that drive the result first), stopping before an optional group such as the uncertainty
 * analysis.
 */
export function mainFieldCount(model: FormModel): number {
  let count = 0;
  for (const field of model.fields) {
    if (field.kind === "object" || count >= MAIN_FIELDS) break;
    count++;
  }
  return Math.max(1, count);
}

const MAIN_FIELDS = 4;
