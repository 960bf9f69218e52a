/** Loading a brief for a request: a curated one by slug, or a composed one from `?cases=`, as a page model. */
import type { Context } from "hono";
import { readCases } from "../domain/brief-cases";
import { slugSchema } from "../domain/case-study";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { findBrief } from "../records/briefs-read";
import { findCaseStudies } from "../records/read";
import { type BriefModel, briefModel } from "./model";

/** `include_illustrative=1` (or true/yes/on) asks for illustrative figures to be pooled. */
function includeIllustrative(c: Context): boolean {
  return /^(1|true|yes|on)$/i.test(c.req.query("include_illustrative") ?? "");
}

/** The composed brief of a request: its records in the order asked, and what was not found or over the cap. */
export async function composedModel(c: Context<AppEnv>): Promise<BriefModel> {
  const cases = readCases(c.req.queries("cases") ?? []);
  const rows = await findCaseStudies(c.env.DB, cases.slugs);
  const found = new Set(rows.map((r) => r.record.slug));
  const slugs = cases.slugs.filter((s) => found.has(s));
  return briefModel({
    curated: null,
    body_html: null,
    rows,
    notFound: [...cases.slugs.filter((s) => !found.has(s)), ...cases.malformed],
    overCap: cases.overCap,
    includeIllustrative: includeIllustrative(c),
    path: slugs.length ? `/briefs/compose?cases=${slugs.join(",")}` : "/briefs/compose",
  });
}

/** A curated brief's model, or a 404 naming the slug. */
export async function curatedModel(c: Context<AppEnv>, slug: string): Promise<BriefModel> {
  const stored = slugSchema.safeParse(slug).success ? await findBrief(c.env.DB, slug) : null;
  if (!stored) throw new ProblemError(404, `There is no brief at /briefs/${slug}.`);
  const rows = await findCaseStudies(c.env.DB, stored.brief.case_studies);
  const found = new Set(rows.map((r) => r.record.slug));
  return briefModel({
    curated: stored.brief,
    body_html: stored.body_html,
    rows,
    // A record removed since the brief was written (deleted, not retracted) is named, not an error.
    notFound: stored.brief.case_studies.filter((s) => !found.has(s)),
    overCap: [],
    includeIllustrative: includeIllustrative(c),
    path: `/briefs/${slug}`,
  });
}
