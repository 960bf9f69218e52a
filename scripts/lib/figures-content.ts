/**
 * Reads and validates content/reference-figures/ and content/scenarios/, the two collections the calculators lean on,
 * and checks what ties them to the rest: every scenario's inputs pass its calculator's schema, every input it sets
 * has a reference, and every reference resolves (a case study with that outcome metric, a reference figure that
 * exists); every calculator default that cites a figure cites one that exists.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { calculatorIds, calculators, runCalculator } from "../../src/calculators";
import { inputPaths, parseScenario, type Scenario } from "../../src/calculators/scenario";
import type { CaseStudy } from "../../src/domain/case-study";
import { ROOT_PATH } from "../../src/domain/field-error";
import { renderMarkdown } from "../../src/domain/markdown";
import { parseReferenceFigure, type ReferenceFigure } from "../../src/domain/reference-figure";
import { type ContentError, splitFrontmatter } from "./content";

function markdownFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function frontmatter(text: string, file: string): { data: Record<string, unknown>; body: string } | ContentError {
  const split = splitFrontmatter(text, file);
  if ("message" in split) return split;
  if (split.data === null || typeof split.data !== "object" || Array.isArray(split.data)) {
    return { file, path: ROOT_PATH, message: "the frontmatter must be a YAML mapping of fields" };
  }
  const data = split.data as Record<string, unknown>;
  if ("body" in data)
    return { file, path: "body", message: "the body is the Markdown after the frontmatter, not a field" };
  return { data, body: split.body };
}

function slugMatchesFile(slug: string, file: string): ContentError | null {
  const expected = basename(file, ".md");
  return slug === expected ? null : { file, path: "slug", message: `'${slug}' must equal the file name '${expected}'` };
}

/** Validates one reference-figure file: the contract's frontmatter, then a note on what it covers and leaves out. */
export function parseReferenceFigureFile(
  text: string,
  file: string,
): { figure: ReferenceFigure } | { errors: ContentError[] } {
  const split = frontmatter(text, file);
  if ("message" in split) return { errors: [split] };
  const result = parseReferenceFigure(split.data);
  if (!result.ok) return { errors: result.errors.map((e) => ({ file, ...e })) };
  const wrongSlug = slugMatchesFile(result.figure.slug, file);
  if (wrongSlug) return { errors: [wrongSlug] };
  if (split.body.length < 20) {
    return { errors: [{ file, path: "body", message: "needs a short note on what the figure covers and leaves out" }] };
  }
  return { figure: { ...result.figure, body: split.body } };
}

/** What a scenario's references are checked against. */
export interface EvidenceIndex {
  records: readonly CaseStudy[];
  figures: readonly ReferenceFigure[];
}

/** Validates one scenario file against its calculator and the evidence base. */
export function parseScenarioFile(
  text: string,
  file: string,
  evidence: EvidenceIndex,
): { scenario: Scenario } | { errors: ContentError[] } {
  const split = frontmatter(text, file);
  if ("message" in split) return { errors: [split] };
  const result = parseScenario(split.data);
  if (!result.ok) return { errors: result.errors.map((e) => ({ file, ...e })) };
  const scenario = result.scenario;
  const errors: ContentError[] = [];
  const wrongSlug = slugMatchesFile(scenario.slug, file);
  if (wrongSlug) errors.push(wrongSlug);
  const run = runCalculator(scenario.calculator, scenario.inputs);
  if (!run.ok) {
    for (const f of run.fields) errors.push({ file, path: `inputs.${f.path}`, message: f.message });
  }
  const set = new Set(inputPaths(scenario.inputs));
  for (const path of set) {
    if (!(path in scenario.references)) {
      errors.push({
        file,
        path: `references.${path}`,
        message: "is missing: every input the scenario sets needs a reference",
      });
    }
  }
  const records = new Map(evidence.records.map((r) => [r.slug, r]));
  const figures = new Set(evidence.figures.map((f) => f.slug));
  let illustrative = false;
  for (const [path, ref] of Object.entries(scenario.references)) {
    const at = `references.${path}`;
    if (!set.has(path)) errors.push({ file, path: at, message: "names an input the scenario does not set" });
    if ("case_study" in ref) {
      const record = records.get(ref.case_study);
      if (!record)
        errors.push({ file, path: `${at}.case_study`, message: `no case study has the slug '${ref.case_study}'` });
      else if (!record.outcomes.some((o) => o.metric === ref.metric)) {
        errors.push({
          file,
          path: `${at}.metric`,
          message: `the case study '${ref.case_study}' has no '${ref.metric}' outcome`,
        });
      } else if (record.provenance === "illustrative") illustrative = true;
    } else if ("reference_figure" in ref && !figures.has(ref.reference_figure)) {
      errors.push({
        file,
        path: `${at}.reference_figure`,
        message: `no reference figure has the slug '${ref.reference_figure}'`,
      });
    }
  }
  if (split.body.length < 20)
    errors.push({ file, path: "body", message: "needs a short note on what the scenario assumes" });
  if (errors.length) return { errors };
  return { scenario: { ...scenario, body_html: renderMarkdown(split.body), illustrative } };
}

/** Every calculator default that cites a reference figure must cite one that exists. */
export function checkDefaultFigures(figures: readonly ReferenceFigure[]): ContentError[] {
  const slugs = new Set(figures.map((f) => f.slug));
  const errors: ContentError[] = [];
  for (const id of calculatorIds) {
    for (const [path, entry] of Object.entries(calculators[id].defaultsWithReferences())) {
      const ref = entry.reference;
      if (ref.kind === "reference_figure" && !slugs.has(ref.slug)) {
        errors.push({
          file: `src/calculators (${id})`,
          path,
          message: `cites the missing reference figure '${ref.slug}'`,
        });
      }
    }
  }
  return errors;
}

export interface FiguresBuild {
  figures: ReferenceFigure[];
  scenarios: Scenario[];
  errors: ContentError[];
  filesRead: number;
}

/** Reads both collections, collecting every error of every bad file. */
export function loadFiguresAndScenarios(contentDir: string, records: readonly CaseStudy[]): FiguresBuild {
  const figures: ReferenceFigure[] = [];
  const scenarios: Scenario[] = [];
  const errors: ContentError[] = [];
  const figureFiles = markdownFiles(join(contentDir, "reference-figures"));
  const scenarioFiles = markdownFiles(join(contentDir, "scenarios"));
  for (const file of figureFiles) {
    const result = parseReferenceFigureFile(readFileSync(file, "utf8"), file);
    if ("errors" in result) errors.push(...result.errors);
    else figures.push(result.figure);
  }
  for (const file of scenarioFiles) {
    const result = parseScenarioFile(readFileSync(file, "utf8"), file, { records, figures });
    if ("errors" in result) errors.push(...result.errors);
    else scenarios.push(result.scenario);
  }
  errors.push(...checkDefaultFigures(figures));
  return { figures, scenarios, errors, filesRead: figureFiles.length + scenarioFiles.length };
}
