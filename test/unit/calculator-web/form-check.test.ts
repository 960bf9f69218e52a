/**
 * The browser's form check (form-check.ts, no zod) against the calculators' zod schemas: for many generated forms,
 * valid and invalid, both agree on valid or not, on the parsed inputs, on each issue's code and path, and on the
 * messages the form shows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CalculatorId, calculatorIds, calculators } from "../../../src/calculators";
import type { CrossFieldRule } from "../../../src/calculators/common";
import { shareColumnsRule, tierSharesRule } from "../../../src/calculators/share-rules";
import { formatPath } from "../../../src/domain/field-error";
import { checkForm } from "../../../src/views/calculator/form-check";
import type { ScalarField } from "../../../src/views/calculator/form-model";
import { formErrors, formModel, fromQuery } from "../../../src/views/calculator/form-state";

const rules: Partial<Record<CalculatorId, CrossFieldRule<Record<string, unknown>>>> = {
  "episode-bundle": shareColumnsRule as CrossFieldRule<Record<string, unknown>>,
  "membership-clinic": tierSharesRule as CrossFieldRule<Record<string, unknown>>,
};

/** Text a person might type into one input: in range, out of range, fractional, huge, empty, words. */
function textFor(field: ScalarField): fc.Arbitrary<string> {
  const low = field.minimum ?? field.exclusiveMinimum ?? -1000;
  const high = field.maximum ?? field.exclusiveMaximum ?? 1000;
  const words = fc.constantFrom("", " ", "abc", "1e400", "NaN", "-", "true", "false", "on", "12,5", " 7 ");
  const numbers = fc.oneof(
    fc.integer({ min: Math.max(-1e6, Math.ceil(low)), max: Math.min(1e6, Math.floor(high)) }).map(String),
    fc.double({ min: Math.max(-1e6, low), max: Math.min(1e6, high), noNaN: true }).map(String),
    fc.constantFrom(String(low), String(high), String(low - 1), String(high + 1), "0", "-0", "0.5", "-1"),
    fc.constantFrom("1e20", "-1e20", "9007199254740993", "1e-7", "100.004", "99.995"),
  );
  if (field.kind === "enum") return fc.oneof(fc.constantFrom(...(field.options ?? []).map(String)), words);
  if (field.kind === "boolean") return fc.oneof(fc.constantFrom("true", "false"), words);
  if (field.kind === "string")
    return fc.oneof(fc.string({ maxLength: 10 }), fc.constant(""), fc.constant("x".repeat(121)));
  return fc.oneof({ weight: 4, arbitrary: numbers }, { weight: 1, arbitrary: words });
}

/** A form's query for calculator `id`: any subset of its inputs, array rows and optional objects. */
function formQuery(id: CalculatorId): fc.Arbitrary<[string, string][]> {
  const model = formModel(id);
  const parts: fc.Arbitrary<[string, string][]>[] = [];
  for (const field of model.fields) {
    if (field.kind === "array") {
      const count = fc.option(
        fc.oneof(fc.integer({ min: 0, max: field.maxItems + 2 }).map(String), fc.constantFrom("x", "")),
        { nil: undefined },
      );
      const cells = fc.array(
        fc
          .tuple(fc.integer({ min: 0, max: field.maxItems + 1 }), fc.constantFrom(...field.itemFields))
          .chain(([index, cell]) =>
            textFor(cell).map((text): [string, string] => [`${field.key}[${index}].${cell.key}`, text]),
          ),
        { maxLength: 6 },
      );
      parts.push(
        fc
          .tuple(count, cells)
          .map(([n, list]) => [...(n === undefined ? [] : [[field.key, n] as [string, string]]), ...list]),
      );
    } else if (field.kind === "object") {
      const flag = fc.option(fc.constantFrom("on", "off", "yes"), { nil: undefined });
      const subs = fc.array(
        fc
          .constantFrom(...field.fields)
          .chain((sub) => textFor(sub).map((text): [string, string] => [`${field.key}.${sub.key}`, text])),
        { maxLength: 4 },
      );
      parts.push(
        fc
          .tuple(flag, subs)
          .map(([f, list]) => [...(f === undefined ? [] : [[field.key, f] as [string, string]]), ...list]),
      );
    } else {
      parts.push(
        fc
          .option(textFor(field), { nil: undefined, freq: 2 })
          .map((text) => (text === undefined ? [] : [[field.key, text]])),
      );
    }
  }
  return fc.tuple(...parts).map((groups) => groups.flat());
}

describe("the browser's form check agrees with the schemas", () => {
  for (const id of calculatorIds) {
    it(id, () => {
      const model = formModel(id);
      let invalid = 0;
      fc.assert(
        fc.property(formQuery(id), (pairs) => {
          const raw = fromQuery(model, new URLSearchParams(pairs)).raw;
          const zod = calculators[id].inputSchema.safeParse(raw);
          const ours = checkForm(model, raw, rules[id]);
          expect(ours.ok, JSON.stringify(raw)).toBe(zod.success);
          if (zod.success && ours.ok) {
            expect(ours.value).toEqual(zod.data);
          } else if (!zod.success && !ours.ok) {
            invalid++;
            const codes = (issues: readonly { code: string; path: readonly PropertyKey[] }[]) =>
              issues.map((issue) => `${issue.code} ${formatPath(issue.path)}`);
            expect(codes(ours.issues), JSON.stringify(raw)).toEqual(codes(zod.error.issues));
            expect(formErrors(model, ours.issues)).toEqual(formErrors(model, zod.error.issues));
          }
        }),
        { numRuns: 400 },
      );
      // The generator must reach both sides, or the agreement says little.
      expect(invalid).toBeGreaterThan(40);
      expect(invalid).toBeLessThan(400);
    });
  }

  it("gives the defaults for an empty form, as the schema does", () => {
    for (const id of calculatorIds) {
      const check = checkForm(formModel(id), {}, rules[id]);
      expect(check).toEqual({ ok: true, value: calculators[id].inputSchema.parse({}) });
    }
  });
});
