/** Reference-figure routes: the read API (list, one) and the pages (grouped list, one figure). */
import { Hono } from "hono";
import * as z from "zod/mini";
import { slugSchema } from "../domain/case-study";
import { referenceFigureFields } from "../domain/reference-figure";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { defineRoute, mountRoutes } from "../http/route";
import { type FigureRow, findReferenceFigure, listReferenceFigures } from "../records/reference-figures-read";
import { ReferenceFigureListPage, ReferenceFigurePage } from "./views";

const API = "/api/v1/reference-figures";

const figureJsonSchema = z
  .extend(referenceFigureFields, {
    id: z.int().register(z.globalRegistry, { description: "Stable numeric id: it survives edits of the figure" }),
    body_html: z.string().register(z.globalRegistry, {
      description: "The note on what the figure covers and leaves out, as sanitised HTML",
    }),
    url: z.string().register(z.globalRegistry, { description: "This figure's API resource" }),
    page_url: z.string().register(z.globalRegistry, { description: "This figure's page" }),
  })
  .register(z.globalRegistry, { id: "ReferenceFigure" });

const figureListSchema = z
  .object({ items: z.array(figureJsonSchema), total: z.int() })
  .register(z.globalRegistry, { id: "ReferenceFigureList" });

function toJson(row: FigureRow, origin: string) {
  return {
    ...row.figure,
    id: row.id,
    body_html: row.body_html,
    url: `${origin}${API}/${row.figure.slug}`,
    page_url: `${origin}/reference-figures/${row.figure.slug}`,
  };
}

/** The reference-figure API, declared once for the routes and the OpenAPI document. */
export const referenceFigureApiRoutes = [
  defineRoute({
    method: "get",
    path: API,
    tag: "Reference figures",
    summary: "List the reference figures",
    description:
      "Every published figure the calculators and readers use to turn an effect into dollars (prices, hospital costs, fees), in the shape of the reference-figure contract.",
    responses: { 200: { description: "Every reference figure, by what it prices", schema: figureListSchema } },
    handler: async (c) => {
      const origin = new URL(c.req.url).origin;
      const rows = await listReferenceFigures(c.env.DB);
      return c.json({ items: rows.map((row) => toJson(row, origin)), total: rows.length });
    },
  }),
  defineRoute({
    method: "get",
    path: `${API}/{slug}`,
    tag: "Reference figures",
    summary: "Get one reference figure",
    params: z.object({
      // A copy carries the description: slugSchema itself is shared.
      slug: slugSchema.clone().register(z.globalRegistry, {
        description: "The figure's slug; a malformed slug is a 404, like an unknown one",
      }),
    }),
    responses: {
      200: { description: "The reference figure", schema: figureJsonSchema },
      404: { description: "No figure has this slug (or the slug is malformed)" },
    },
    handler: async (c, { params }) => {
      const row = await findReferenceFigure(c.env.DB, params.slug);
      if (!row) throw new ProblemError(404, `No reference figure has the slug '${params.slug}'`);
      return c.json(toJson(row, new URL(c.req.url).origin));
    },
  }),
];

export const referenceFigureRoutes = mountRoutes(new Hono<AppEnv>(), referenceFigureApiRoutes);

referenceFigureRoutes.get("/reference-figures", async (c) =>
  c.html(<ReferenceFigureListPage rows={await listReferenceFigures(c.env.DB)} />),
);

referenceFigureRoutes.get("/reference-figures/:slug", async (c) => {
  const row = await findReferenceFigure(c.env.DB, c.req.param("slug"));
  if (!row) throw new ProblemError(404, "There is no reference figure at this address.");
  return c.html(<ReferenceFigurePage row={row} />);
});
