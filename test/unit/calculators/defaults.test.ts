import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type CalculatorId, calculatorIds, calculators, formatPath } from "../../../src/calculators";
import type { DefaultReference } from "../../../src/calculators/defaults";

const OPTIONAL_GROUPS: Partial<Record<CalculatorId, string>> = {
  "program-roi": "uncertainty",
  "patient-cost-compare": "insurance",
};

function leaves(value: unknown, path: (string | number)[] = [], out = new Map<string, unknown>()) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) leaves(v, [...path, i], out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) leaves(v, [...path, k], out);
  } else out.set(formatPath(path), value);
  return out;
}

function allReferences(): { id: CalculatorId; path: string; value: unknown; reference: DefaultReference }[] {
  return calculatorIds.flatMap((id) =>
    Object.entries(calculators[id].defaultsWithReferences()).map(([path, entry]) => ({
      id,
      path,
      value: entry.value,
      reference: entry.reference,
    })),
  );
}

describe("evidence-linked defaults", () => {
  it.each(calculatorIds)("%s: every default the schema fills in has a reference, with the same value", (id) => {
    const table = calculators[id].defaultsWithReferences();
    const group = OPTIONAL_GROUPS[id];
    const parsed = calculators[id].inputSchema.parse(group ? { [group]: {} } : {});
    const parsedLeaves = leaves(parsed);
    const tableLeaves = new Map(
      Object.entries(table)
        .filter(([, entry]) => entry.rule === undefined)
        .map(([path, entry]) => [path, entry.value]),
    );
    expect(Object.fromEntries(tableLeaves)).toEqual(Object.fromEntries(parsedLeaves));
  });

  it("defaults computed from other inputs or absent by default are described by a rule", () => {
    expect(calculators["shared-savings"].defaultsWithReferences().baseline_spend_pmpy?.rule).toContain("benchmark");
    expect(calculators["hsa-tax-savings"].defaultsWithReferences().planned_contribution?.rule).toContain("limit");
    expect(calculators["program-roi"].defaultsWithReferences().uncertainty?.rule).toContain("absent");
    expect(calculators["patient-cost-compare"].defaultsWithReferences().insurance?.rule).toContain("absent");
  });

  it("every reference is well formed; placeholders say plainly they must be replaced", () => {
    for (const { id, path, reference } of allReferences()) {
      const where = `${id} ${path}`;
      if (reference.kind === "case_study") {
        expect(reference.slug, where).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(["verified", "reported", "illustrative"], where).toContain(reference.provenance);
        expect(reference.note.length, where).toBeGreaterThan(10);
      } else if (reference.kind === "reference_param") {
        expect(reference.key, where).toBeTruthy();
        expect(reference.source, where).toBeTruthy();
      } else {
        expect(reference.note.length, where).toBeGreaterThan(5);
        if (reference.kind === "assumption" && reference.placeholder)
          expect(reference.note, where).toContain("replace with your own figure");
      }
    }
  });

  it("the table is a fresh copy on every call", () => {
    const first = calculators["program-roi"].defaultsWithReferences();
    (first.participants as { value: unknown }).value = 5;
    expect(calculators["program-roi"].defaultsWithReferences().participants?.value).toBe(1000);
  });

  it("case-study references match the records in content/ (provenance, and the metric among the outcomes)", () => {
    const root = fileURLToPath(new URL("../../../content/case-studies/", import.meta.url));
    const refs = allReferences().filter((r) => r.reference.kind === "case_study");
    let checked = 0;
    for (const { id, path, reference } of refs) {
      if (reference.kind !== "case_study") continue;
      const file = `${root}${reference.slug}.md`;
      // The six illustrative records of the source article must exist; evidence records are checked once written.
      if (reference.provenance === "illustrative") expect(existsSync(file), `${id} ${path}: ${file}`).toBe(true);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, "utf8");
      const front = parseYaml(text.split(/^---\s*$/m)[1] ?? "") as {
        provenance: string;
        outcomes: { metric: string }[];
      };
      expect(front.provenance, `${id} ${path}`).toBe(reference.provenance);
      if (reference.metric !== null) {
        expect(
          front.outcomes.map((o) => o.metric),
          `${id} ${path}`,
        ).toContain(reference.metric);
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});

// Placeholders ("not from the evidence base; replace with your own figure") may only go down: each one replaced by a
// sourced figure lowers its calculator's count here; a new placeholder fails until someone decides to pin it.
describe("placeholder defaults", () => {
  const PINNED: Record<string, number> = {
    "program-roi": 5,
    "shared-savings": 2,
    "episode-bundle": 0,
    "membership-clinic": 5,
    "hsa-tax-savings": 0,
    "patient-cost-compare": 6,
  };

  it("do not rise above the pinned count of any calculator (25 before reference figures, 18 now)", () => {
    const counts = Object.fromEntries(
      calculatorIds.map((id) => [
        id,
        Object.values(calculators[id].defaultsWithReferences()).filter(
          (e) => e.reference.kind === "assumption" && e.reference.placeholder,
        ).length,
      ]),
    );
    for (const id of calculatorIds) expect(counts[id], id).toBeLessThanOrEqual(PINNED[id] ?? 0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(18);
  });

  it("cite reference figures with a note that names the year of dollars when the figure has one", () => {
    for (const id of calculatorIds) {
      for (const [path, entry] of Object.entries(calculators[id].defaultsWithReferences())) {
        if (entry.reference.kind !== "reference_figure") continue;
        expect(entry.reference.note, `${id} ${path}`).toMatch(/dollars|year/);
      }
    }
  });
});
