import { describe, expect, it } from "vitest";
import { MAX_BRIEF_CASES } from "../../../src/domain/brief";
import { composeHref, movedCase, readCases, withCase, withoutCase } from "../../../src/domain/brief-cases";

describe("the cases of a composed brief", () => {
  it("reads comma-separated and repeated parameters in order, once each", () => {
    expect(readCases(["a-b,c-d", "a-b", " e "])).toEqual({ slugs: ["a-b", "c-d", "e"], malformed: [], overCap: [] });
  });

  it("keeps what is not a slug apart, to be listed as not found", () => {
    expect(readCases(["good,<script>,Bad Slug"]).malformed).toEqual(["<script>", "Bad Slug"]);
  });

  it("caps the number of records", () => {
    const many = Array.from({ length: MAX_BRIEF_CASES + 2 }, (_, i) => `case-${i}`);
    const read = readCases([many.join(",")]);
    expect(read.slugs).toHaveLength(MAX_BRIEF_CASES);
    expect(read.overCap).toEqual([`case-${MAX_BRIEF_CASES}`, `case-${MAX_BRIEF_CASES + 1}`]);
    expect(withCase(read.slugs, "one-more")).toEqual(read.slugs);
  });

  it("adds, removes and moves, each as the next URL", () => {
    expect(composeHref(withCase(["a", "b"], "c"))).toBe("/briefs/compose?cases=a,b,c");
    expect(withCase(["a", "b"], "a")).toEqual(["a", "b"]);
    expect(withoutCase(["a", "b", "c"], "b")).toEqual(["a", "c"]);
    expect(movedCase(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(movedCase(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(movedCase(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(composeHref([])).toBe("/briefs/compose");
  });
});
