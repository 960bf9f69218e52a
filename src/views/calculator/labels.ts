/** Words for a form's units and choices, shared by the form and the results' summary of the inputs used. */

/** "USD/participant/year" → "$ per participant per year"; "percent" → "%". */
export function unitLabel(unit: string | undefined): string {
  if (!unit) return "";
  return unit
    .split("/")
    .map((part) => (part === "USD" ? "$" : part === "percent" ? "%" : part))
    .join(" per ");
}

const OPTION_LABELS: Record<string, string> = {
  hsa: "HSA (health savings account)",
  fsa: "Health FSA (flexible spending account)",
  self: "Self-only",
  family: "Family",
  true: "Yes",
  false: "No",
};

/** A person's word for a choice's value ("fsa" → "Health FSA (flexible spending account)"); undefined if none. */
export function optionLabel(value: string): string | undefined {
  return OPTION_LABELS[value];
}
