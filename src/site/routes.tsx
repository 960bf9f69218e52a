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

/** A small mark, so browsers asking for an icon get one instead of a 404. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><path d="M8 22V10h4v12zm6 0V14h4v8zm6 0V6h4v16z" fill="#fff"/></svg>';

for (const path of ["/favicon.svg", "/favicon.ico"]) {
  siteRoutes.get(path, (c) => {
    c.header("cache-control", "public, max-age=86400");
    return c.body(FAVICON_SVG, 200, { "content-type": "image/svg+xml" });
  });
}
