/**
 * The "Embed" panel of calculator and case-study pages, and the oEmbed discovery link of every embeddable page.
 * Shared here so neither feature imports the other. The panel is a GET form (theme, accent, compact, locked inputs)
 * that the page answers with the snippets regenerated; the browser script (src/client/embed-panel.ts) adds the copy
 * buttons and rebuilds the same snippets as the inputs change, from the same functions (domain/embed-snippet.ts).
 */
import {
  type EmbedOptions,
  type EmbedTarget,
  embedFrameTitle,
  embedUrl,
  iframeSnippet,
  loaderSnippet,
  PANEL_PARAM_PREFIX,
  PLAIN_FRAME_HEIGHT,
} from "../domain/embed-snippet";

/** The address of our oEmbed answer for a page, as a discovery link names it. */
export function oembedHref(origin: string, pageUrl: string): string {
  return `${origin}/oembed?${new URLSearchParams({ url: pageUrl, format: "json" }).toString()}`;
}

/** `<link rel="alternate" type="application/json+oembed">`: CMSs embed a pasted link to this page by themselves. */
export function OEmbedDiscovery({ origin, pageUrl, title }: { origin: string; pageUrl: string; title: string }) {
  return <link rel="alternate" type="application/json+oembed" href={oembedHref(origin, pageUrl)} title={title} />;
}

/** An input that may be shown read-only in the frame. */
export interface LockableInput {
  name: string;
  label: string;
}

export interface EmbedPanelProps {
  /** This site's origin, as the host page will reach it. */
  origin: string;
  target: EmbedTarget;
  title: string;
  /** The page's own path: the panel's form is answered by the page itself. */
  pagePath: string;
  /** The calculator's current inputs (form names and values, only those that differ from the defaults). */
  inputs: readonly [string, string][];
  options: EmbedOptions;
  /** Calculators: the inputs that may be locked. */
  lockable?: readonly LockableInput[];
  /** Options from the address that were not valid, said in plain words. */
  notes?: readonly string[];
  /** Open the panel (its form was just sent). */
  open?: boolean;
}

const THEME_LABELS = { auto: "The reader's setting (light or dark)", light: "Light", dark: "Dark" } as const;

export function EmbedPanel(props: EmbedPanelProps) {
  const { origin, target, title, inputs, options, lockable = [] } = props;
  const frameTitle = embedFrameTitle(target, title);
  const src = embedUrl(origin, target, inputs, options);
  const height = PLAIN_FRAME_HEIGHT[target.kind];
  const what = target.kind === "calculator" ? "this calculator" : "this evidence card";
  const p = PANEL_PARAM_PREFIX;
  return (
    <details class="embed-panel no-print" id="embed" open={props.open}>
      <summary>
        <h2 class="h3">Embed {what} on your website</h2>
      </summary>
      <div
        class="embed-panel-body"
        data-embed-panel=""
        data-origin={origin}
        data-target={JSON.stringify(target)}
        data-title={title}
      >
        <p>
          Paste one of these into your page. The frame shows live figures from this site: a record that is corrected or
          retracted changes in every embed at once. It sets no cookies and loads nothing from anyone else.
        </p>
        <form method="get" action={`${props.pagePath}#embed`} class="embed-options">
          {inputs.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          {props.notes?.length ? (
            <ul class="banner" role="note">
              {props.notes.map((note) => (
                <li>{note}</li>
              ))}
            </ul>
          ) : null}
          <div class="field">
            <label for="embed-theme">Colours</label>
            <select id="embed-theme" name={`${p}theme`}>
              {Object.entries(THEME_LABELS).map(([value, label]) => (
                <option value={value} selected={(options.theme ?? "auto") === value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="embed-accent">Accent colour</label>
            <input
              id="embed-accent"
              name={`${p}accent`}
              type="text"
              inputmode="text"
              pattern="#([0-9a-fA-F]{3}){1,2}"
              placeholder="#0055aa"
              value={options.accent ?? ""}
              aria-describedby="embed-accent-help"
            />
            <p id="embed-accent-help" class="small muted">
              A colour as # and three or six hexadecimal digits (#0055aa); leave it empty for this site's colour.
            </p>
          </div>
          <div class="field check">
            <input id="embed-compact" name={`${p}compact`} type="checkbox" value="1" checked={options.compact} />
            <label for="embed-compact">Compact (less space around the figures)</label>
          </div>
          {lockable.length ? (
            <fieldset class="embed-lock">
              <legend>Inputs readers cannot change (they keep the values above)</legend>
              {lockable.map((input) => (
                <div class="field check">
                  <input
                    id={`embed-lock-${input.name}`}
                    name={`${p}lock`}
                    type="checkbox"
                    value={input.name}
                    checked={options.lock?.includes(input.name)}
                  />
                  {/* The calculator's own field has the same words: "Lock" keeps the two labels apart. */}
                  <label for={`embed-lock-${input.name}`}>
                    <span class="visually-hidden">Lock </span>
                    {input.label}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <button type="submit">Update the snippets</button>
        </form>

        <h3 class="h4" id="embed-loader-h">
          With our script (the frame fits its content)
        </h3>
        <pre class="embed-code">
          <code id="embed-loader-code">{loaderSnippet(origin, target, title, inputs, options)}</code>
        </pre>
        <button type="button" class="embed-copy" data-copy="embed-loader-code" hidden>
          Copy the script snippet
        </button>

        <h3 class="h4" id="embed-iframe-h">
          Without scripts (a fixed height of {height} pixels; it scrolls inside)
        </h3>
        <pre class="embed-code">
          <code id="embed-iframe-code">{iframeSnippet(src, frameTitle, height)}</code>
        </pre>
        <button type="button" class="embed-copy" data-copy="embed-iframe-code" hidden>
          Copy the iframe snippet
        </button>
        <p id="embed-copy-status" class="small" aria-live="polite" />

        <h3 class="h4">Preview</h3>
        <iframe
          class="embed-preview"
          id="embed-preview"
          src={src}
          title={`Preview: ${frameTitle}`}
          width="100%"
          height={String(height)}
          loading="lazy"
        />
      </div>
    </details>
  );
}
