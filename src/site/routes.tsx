/** Site-wide pages: home, methods, and the stylesheet. */
import { Hono } from "hono";
import { listCaseStudies } from "../case-studies/queries";
import type { AppEnv } from "../env";
import { siteCss } from "../views/styles";
import { overviewCounts } from "./queries";
import { HomePage, MethodsPage } from "./views";

export const siteRoutes = new Hono<AppEnv>();

siteRoutes.get("/", async (c) => {
  const [newest, strongest, overview] = await Promise.all([
    listCaseStudies(c.env.DB, {}, "newest", 4, 0),
    listCaseStudies(c.env.DB, {}, "strongest", 4, 0),
    overviewCounts(c.env.DB),
  ]);
  return c.html(<HomePage newest={newest.rows} strongest={strongest.rows} overview={overview} />);
});

siteRoutes.get("/about/methods", (c) => c.html(<MethodsPage />));

siteRoutes.get("/assets/site.css", (c) => {
  c.header("cache-control", "public, max-age=3600");
  return c.body(siteCss, 200, { "content-type": "text/css; charset=utf-8" });
});
