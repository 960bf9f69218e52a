/** Brief pages: the curated list, one curated brief, and a brief composed in its URL (`?cases=a,b,c`). */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { mountRoutes } from "../http/route";
import { listBriefs } from "../records/briefs-read";
import { briefExportRoutes } from "./exports";
import { composedModel, curatedModel } from "./load";
import { BriefListPage, BriefPage } from "./views";

export { briefExportRoutes };

export const briefRoutes = mountRoutes(new Hono<AppEnv>(), briefExportRoutes);
briefRoutes.get("/briefs", async (c) => c.html(<BriefListPage briefs={await listBriefs(c.env.DB)} />));
briefRoutes.get("/briefs/compose", async (c) => c.html(<BriefPage model={await composedModel(c)} />));
briefRoutes.get("/briefs/:slug", async (c) => c.html(<BriefPage model={await curatedModel(c, c.req.param("slug"))} />));
