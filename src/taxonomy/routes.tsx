/**
 * The glossary: plain-words explanations of every financing model, modality, condition and other term. The pages are
 * built from content/taxonomy/ and read as static data (`taxonomy.json`, src/http/static-data.ts).
 */
import { Hono } from "hono";
import { FACET_OF_GLOSSARY, FACETS } from "../domain/facets";
import type { AppEnv, Env } from "../env";
import { ProblemError } from "../http/problem";
import { staticData } from "../http/static-data";
import { Layout } from "../views/layout";
import { SanitisedHtml } from "../views/sanitised-html";
import type { TaxonomyPage } from "./types";

/** Every glossary page, in the build's order. */
function taxonomyPages(env: Env): Promise<TaxonomyPage[]> {
  return staticData<TaxonomyPage[]>(env, "taxonomy.json");
}

export const taxonomyRoutes = new Hono<AppEnv>();

taxonomyRoutes.get("/taxonomy", async (c) => {
  const pages = await taxonomyPages(c.env);
  return c.html(
    <Layout title="Glossary" description="Plain-words explanations of the terms used to describe case studies.">
      <h1>Glossary</h1>
      <p class="lede">What each way of paying, each kind of care and each condition means here, in plain words.</p>
      <ul>
        {pages.map((page) => (
          <li>
            <a href={`/taxonomy/${page.kind}`}>{page.title}</a>
          </li>
        ))}
      </ul>
    </Layout>,
  );
});

taxonomyRoutes.get("/taxonomy/:kind", async (c) => {
  const page = (await taxonomyPages(c.env)).find((p) => p.kind === c.req.param("kind"));
  if (!page) throw new ProblemError(404, "There is no glossary page at this address.");
  const facet = FACET_OF_GLOSSARY[page.kind];
  const enumeration = facet ? FACETS[facet].enumeration : undefined;
  return c.html(
    <Layout title={page.title}>
      <p class="small muted">
        <a href="/taxonomy">Glossary</a>
      </p>
      <h1>{page.title}</h1>
      {page.intro_html ? <SanitisedHtml class="body" html={page.intro_html} /> : null}
      <dl class="body">
        {Object.entries(page.entries).map(([value, html]) => (
          <>
            <dt id={value}>
              <strong>{enumeration ? enumeration.label(value) : value}</strong> <code class="small">{value}</code>
            </dt>
            <dd>
              <SanitisedHtml html={html} />
              {facet && facet !== "provenance" ? (
                <p class="small">
                  <a href={`/case-studies?${facet}=${value}`}>Case studies</a>
                </p>
              ) : null}
            </dd>
          </>
        ))}
      </dl>
    </Layout>,
  );
});
