/** Site-wide pages: home, methods, and the icon at the fixed names browsers ask for (the stylesheet is a static file). */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { staticData } from "../http/static-data";
import { listCaseStudies } from "../records/read";
import { faviconSvg } from "../views/favicon";
import { overviewCounts } from "./queries";
import { type PageData, sitemapIndexPaths, sitemapIndexXml, sitemapPagePaths, sitemapXml } from "./sitemap";
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

const XML = { "content-type": "application/xml; charset=utf-8" };

siteRoutes.get("/sitemap.xml", async (c) => {
  const xml = sitemapIndexXml(new URL(c.req.url).origin, await sitemapIndexPaths(c.env.DB));
  return c.body(xml, 200, XML);
});

siteRoutes.get("/sitemaps/:file", async (c) => {
  const paths = await sitemapPagePaths(
    c.env.DB,
    c.req.param("file"),
    async (): Promise<PageData> => ({
      taxonomy: await staticData<PageData["taxonomy"]>(c.env, "taxonomy.json"),
    }),
  );
  if (!paths) throw new ProblemError(404, "There is no sitemap at this address.");
  return c.body(sitemapXml(new URL(c.req.url).origin, paths), 200, XML);
});

// Pages link the hashed static copy; these answer browsers (and API viewers) that ask for an icon on their own.
for (const path of ["/favicon.svg", "/favicon.ico"]) {
  siteRoutes.get(path, (c) => {
    c.header("cache-control", "public, max-age=86400");
    return c.body(faviconSvg, 200, { "content-type": "image/svg+xml" });
  });
}
