/**
 * The page shell every HTML route shares: landmarks, navigation, one stylesheet, optional module scripts. The
 * stylesheet and icon are static files with hashed names (src/generated/assets.ts, written by npm run build).
 */
import type { Child } from "hono/jsx";
import { assetPaths } from "../generated/assets";

export interface LayoutProps {
  title: string;
  description?: string;
  /** Same-origin module scripts by path (CSP forbids inline scripts). */
  scripts?: string[];
  /** More head elements: a page's metadata (src/views/page-meta.tsx), an oEmbed discovery link. */
  head?: Child;
  children?: Child;
}

/** A page's document title: its own title, then the site's name. */
export function documentTitle(title: string): string {
  return `${title} · Integrative Care Financing Evidence`;
}

export function Layout({ title, description, scripts = [], head, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(title)}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={assetPaths["site.css"]} />
        <link rel="icon" href={assetPaths["favicon.svg"]} type="image/svg+xml" />
        {head}
        {scripts.map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body>
        <a class="skip" href="#content">
          Skip to content
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              Integrative Care Financing Evidence
            </a>
            <nav class="main" aria-label="Main">
              <ul>
                <li>
                  <a href="/case-studies">Case studies</a>
                </li>
                <li>
                  <a href="/search">Search</a>
                </li>
                <li>
                  <a href="/evidence/map">Evidence map</a>
                </li>
                <li>
                  <a href="/calculators">Calculators</a>
                </li>
                <li>
                  <a href="/taxonomy">Glossary</a>
                </li>
                <li>
                  <a href="/about/methods">Methods</a>
                </li>
                <li>
                  <a href="/docs">API</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="content" class="wrap">
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>
              Every figure links to its source. Illustrative and reported figures are marked wherever they appear; see{" "}
              <a href="/about/methods">how evidence is graded</a>.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
