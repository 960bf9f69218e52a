import { describe, expect, it } from "vitest";
import { buildEmbedUrl, parseEmbedOptions, parseEmbedTarget } from "../../../src/domain/embed-url";

describe("embed URLs", () => {
  it("writes inputs in order, then lock and only the options that differ from their defaults", () => {
    expect(
      buildEmbedUrl(
        {
          target: { kind: "calculator", id: "program-roi" },
          inputs: { participants: 5000, "savings_lines[0].reduction_pct": 12.5 },
          lock: ["participants", " participants", ""],
          theme: "dark",
          accent: "#AA3300",
          compact: true,
        },
        "https://example.org",
      ),
    ).toBe(
      "https://example.org/embed/calculators/program-roi?participants=5000&savings_lines%5B0%5D.reduction_pct=12.5&lock=participants&theme=dark&accent=%23aa3300&compact=1",
    );
    expect(buildEmbedUrl({ target: { kind: "calculator", id: "program-roi" }, theme: "auto", accent: "red" })).toBe(
      "/embed/calculators/program-roi",
    );
    expect(
      buildEmbedUrl({ target: { kind: "case-study", slug: "a-b" }, inputs: { x: 1 }, lock: ["x"], compact: false }),
    ).toBe("/embed/case-studies/a-b");
  });

  it("never lets an input named like an option overwrite it", () => {
    expect(buildEmbedUrl({ target: { kind: "calculator", id: "x" }, inputs: { theme: "dark", a: 1 } })).toBe(
      "/embed/calculators/x?a=1",
    );
  });

  it("reads back what it writes", () => {
    const url = new URL(
      buildEmbedUrl({
        target: { kind: "calculator", id: "shared-savings" },
        inputs: { a: 1 },
        lock: ["a", "b"],
        theme: "light",
        accent: "#123",
        compact: true,
      }),
      "https://x.test",
    );
    expect(parseEmbedTarget(url.pathname)).toEqual({ kind: "calculator", id: "shared-savings" });
    expect(parseEmbedOptions(url.searchParams)).toEqual({
      theme: "light",
      accent: "#123",
      compact: true,
      lock: ["a", "b"],
      notes: [],
    });
  });

  it("falls back to each default with a note, never throws", () => {
    const options = parseEmbedOptions(new URLSearchParams("theme=neon&accent=url(x)&compact=yes&lock=a,,a&lock=b"));
    expect(options).toMatchObject({ theme: "auto", accent: null, compact: false, lock: ["a", "b"] });
    expect(options.notes.map((n) => n.option)).toEqual(["theme", "accent", "compact"]);
    for (const accent of ["#12", "#1234", "#12345g", "rgb(1,2,3)", "#1234567", "red"]) {
      expect(parseEmbedOptions(new URLSearchParams({ accent })).accent).toBeNull();
    }
  });

  it("reads targets, and nothing else, as targets", () => {
    expect(parseEmbedTarget("calculators/program-roi")).toEqual({ kind: "calculator", id: "program-roi" });
    expect(parseEmbedTarget("/embed/case-studies/x-1")).toEqual({ kind: "case-study", slug: "x-1" });
    for (const bad of ["calculators/", "search/x", "case-studies/A", "case-studies/a/b", "calculators/a--b"]) {
      expect(parseEmbedTarget(bad)).toBeNull();
    }
  });
});
