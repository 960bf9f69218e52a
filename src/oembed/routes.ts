/**
 * GET /oembed (oEmbed 1.0, https://oembed.com): a CMS given one of our calculator or case-study links (or an /embed/
 * address) asks here and gets a `rich` answer whose HTML is the plain iframe, sized within maxwidth and maxheight.
 * The pages name this endpoint in a discovery link, so a pasted link embeds by itself. Only JSON: `format=xml` is a
 * 501, as the specification asks of a provider without XML.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { calculators, isCalculatorId } from "../calculators";
import { type EmbedTarget, embedFrameTitle, iframeSnippet, PLAIN_FRAME_HEIGHT } from "../domain/embed-snippet";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { defineRoute, mountRoutes } from "../http/route";
import { findCaseStudyTitles } from "../records/read";
import { resolveEmbeddable } from "./resolve";

/** The provider's name, as CMSs show it under an embed. */
export const PROVIDER_NAME = "Integrative Care Financing Evidence";

/** A frame's size when the consumer sets no limit: a calculator's results sit beside its inputs at 800 px. */
const DEFAULT_WIDTH: Record<EmbedTarget["kind"], number> = { calculator: 800, "case-study": 600 };

const pixels = (what: string) =>
  z
    .optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)))
    .register(z.globalRegistry, { description: `The largest ${what} the consumer can show, in pixels` });

const oembedQuerySchema = z.object({
  url: z.url().register(z.globalRegistry, {
    description: "A calculator or case-study page of this site, or one of its /embed/ addresses",
  }),
  format: z
    ._default(z.enum(["json", "xml"]), "json")
    .register(z.globalRegistry, { description: "Only json is answered; xml is a 501" }),
  maxwidth: pixels("width"),
  maxheight: pixels("height"),
});

const oembedSchema = z
  .object({
    type: z.literal("rich"),
    version: z.literal("1.0"),
    title: z.string(),
    provider_name: z.string(),
    provider_url: z.string(),
    html: z.string().register(z.globalRegistry, {
      description: "A plain iframe of the embed page (no script), width and height as given here",
    }),
    width: z.int(),
    height: z.int(),
  })
  .register(z.globalRegistry, { id: "OEmbed", description: "An oEmbed 1.0 rich response" });

async function titleOf(db: D1Database, target: EmbedTarget): Promise<string | null> {
  if (target.kind === "calculator") return isCalculatorId(target.id) ? calculators[target.id].title : null;
  return (await findCaseStudyTitles(db, [target.slug]))[target.slug] ?? null;
}

/** The oEmbed endpoint, declared once for the route and the OpenAPI document. */
export const oembedApiRoutes = [
  defineRoute({
    method: "get",
    path: "/oembed",
    tag: "Embeds",
    summary: "oEmbed for a calculator or case-study page",
    description:
      "Answers with an oEmbed 1.0 `rich` object: an iframe of the page's embed, at most `maxwidth` × `maxheight`.",
    query: { schema: oembedQuerySchema },
    responses: {
      200: { description: "The embed", schema: oembedSchema },
      404: { description: "The URL is not a page of this site that can be embedded" },
      501: { description: "A format other than json was asked for" },
    },
    handler: async (c, { query }) => {
      if (query.format !== "json") throw new ProblemError(501, "Only format=json is provided.");
      const origin = new URL(c.req.url).origin;
      const candidate = resolveEmbeddable(query.url, origin);
      const title = candidate ? await titleOf(c.env.DB, candidate.target) : null;
      if (!candidate || title === null) {
        throw new ProblemError(404, `${query.url} is not a calculator or case-study page of ${origin}.`, [
          { path: "url", message: "is not an embeddable page of this site" },
        ]);
      }
      const kind = candidate.target.kind;
      const width = Math.min(DEFAULT_WIDTH[kind], query.maxwidth ?? Number.POSITIVE_INFINITY);
      const height = Math.min(PLAIN_FRAME_HEIGHT[kind], query.maxheight ?? Number.POSITIVE_INFINITY);
      return c.json({
        type: "rich" as const,
        version: "1.0" as const,
        title,
        provider_name: PROVIDER_NAME,
        provider_url: `${origin}/`,
        html: iframeSnippet(candidate.src, embedFrameTitle(candidate.target, title), height, width),
        width,
        height,
      });
    },
  }),
];

export const oembedRoutes = mountRoutes(new Hono<AppEnv>(), oembedApiRoutes);
