/**
 * Embed frames (/embed/…): pages made to be framed by other sites (the only ones the framing policy allows, see
 * src/http/security.ts). A calculator with its inputs prefilled and some locked, an evidence card read live from
 * the records (a retraction shows at once), and the accent stylesheet. Nothing here sets a cookie, uses storage or
 * loads anything from another origin; every invalid option falls back to its default with a note, never an error page.
 */
import { type Context, Hono } from "hono";
import { type CalculatorId, calculators, isCalculatorId, runCalculator } from "../calculators";
import { loadScenario, type Scenario } from "../calculators/scenario-registry";
import { isEmbedAccent, parseEmbedOptions } from "../domain/embed-url";
import type { AppEnv } from "../env";
import { assetPaths } from "../generated/assets";
import { staticData } from "../http/static-data";
import { calculatorSources } from "../records/calculator-sources";
import { findCaseStudy } from "../records/read";
import { findTombstone } from "../records/revisions";
import { calculatorScript } from "../views/calculator/bundle";
import { scenarioContext } from "../views/calculator/default-source";
import {
  canonicalQuery,
  type FormError,
  fieldId,
  formErrors,
  formModel,
  fromQuery,
  queryString,
  type RawInput,
} from "../views/calculator/form-state";
import { present } from "../views/calculator/presenters";
import type { RenderContext } from "../views/render";
import { accentCss } from "./accent";
import { type CalculatorEmbedOptions, calculatorEmbedOptions, mainFieldCount } from "./options";
import { CalculatorEmbed, EmbedShell, EvidenceCard, NotFoundCard, WithdrawnCard } from "./views";

export const embedRoutes = new Hono<AppEnv>();

/** Links inside a frame point at this site's full pages, in a new tab. */
function frameContext(c: Context<AppEnv>): RenderContext {
  return { base: new URL(c.req.url).origin, target: "_blank", embedded: true };
}

function accentHref(accent: string | null): string | undefined {
  return accent ? `/embed/accent.css?c=${accent.slice(1)}` : undefined;
}

/** The frame's scripts: the height reporter always, the calculator's own engine on a calculator frame. */
function frameScripts(calculator?: CalculatorId): string[] {
  const scripts: (string | undefined)[] = [assetPaths["embed-frame.js"]];
  if (calculator) scripts.push(calculatorScript(calculator));
  return scripts.filter((s): s is string => typeof s === "string");
}

/**
 * The locked inputs as the embed address gave them, the first value of each name (as the form reads it): what
 * "Reset to the defaults" keeps.
 */
function lockedPairs(params: URLSearchParams, lock: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) continue;
    const head = name.replace(/[.[].*$/, "");
    if (lock.includes(name) || lock.includes(head)) {
      pairs.push([name, value]);
      seen.add(name);
    }
  }
  return pairs;
}

embedRoutes.get("/embed/calculators/:id", async (c) => {
  const ctx = frameContext(c);
  const url = new URL(c.req.url);
  const idText = c.req.param("id");
  if (!isCalculatorId(idText)) {
    const options = parseEmbedOptions(url.searchParams);
    return c.html(
      <EmbedShell
        title="Calculator not found"
        theme={options.theme}
        compact={options.compact}
        accentCss={accentHref(options.accent)}
        notes={options.notes}
        scripts={frameScripts()}
        ctx={ctx}
      >
        <NotFoundCard what="calculator" ctx={ctx} />
      </EmbedShell>,
      404,
    );
  }
  const id: CalculatorId = idText;
  const model = formModel(id);
  const options: CalculatorEmbedOptions = calculatorEmbedOptions(model, url.searchParams);
  // A locked input cannot be changed by a row button either: drop the row actions on a locked group.
  const params = new URLSearchParams(url.searchParams);
  for (const name of ["_add", "_remove"]) {
    const value = params.get(name);
    if (
      value !== null &&
      options.lock.some(
        (l) => value === l || value.startsWith(`${l}[`) || l.startsWith(`${value.replace(/\[.*$/, "")}[`),
      )
    ) {
      params.delete(name);
    }
  }
  // The form reads the first value of a name, so the embed address's locked values stand against any value after
  // them (one appended to the address, or a field of a submitted form: the form sends its locked values first).
  const { raw, action } = fromQuery(model, params);
  const locked = lockedPairs(url.searchParams, options.lock);

  // A scenario named in the address starts the frame from its inputs; inputs in the address (locked ones included)
  // override it. An unknown scenario falls back to the calculator's usual figures, with a note.
  const scenarioSlug = url.searchParams.get("scenario");
  const loaded =
    scenarioSlug === null
      ? null
      : loadScenario(await staticData<Scenario[]>(c.env, "scenarios.json"), id, scenarioSlug, raw);
  const notes = [...options.notes];
  if (scenarioSlug !== null && loaded === null) {
    notes.push({
      option: "scenario",
      message: "This calculator has no scenario by that name, so the frame starts from its usual figures.",
    });
  }
  const inputs = (loaded ? loaded.inputs : raw) as RawInput;
  const scenarioPair: [string, string][] = loaded ? [["scenario", loaded.scenario.slug]] : [];

  const path = `/embed/calculators/${id}`;
  const keep = queryString([...scenarioPair, ...options.keep]);
  if (action !== null) {
    // A no-JS row edit: back to the short address of the new state (options kept), at the row.
    const query = [canonicalQuery(model, raw), keep].filter(Boolean).join("&");
    const rows = raw[action.array];
    const anchor =
      action.kind === "add"
        ? `#${fieldId(`${action.array}[${Array.isArray(rows) ? rows.length - 1 : 0}]`)}`
        : `#${fieldId(action.array)}`;
    return c.redirect(`${path}${query ? `?${query}` : ""}${anchor}`, 303);
  }

  const outcome = runCalculator(id, inputs);
  const errors: FormError[] = outcome.ok ? [] : formErrors(model, outcome.issues);
  const { titles, figures } = await calculatorSources(c.env.DB, id, loaded?.scenario ?? null);
  const reset = [queryString(locked), keep].filter(Boolean).join("&");
  return c.html(
    <EmbedShell
      title={calculators[id].title}
      theme={options.theme}
      compact={options.compact}
      accentCss={accentHref(options.accent)}
      notes={notes}
      scripts={frameScripts(id)}
      ctx={ctx}
      pageUrl={url.href}
    >
      <CalculatorEmbed
        id={id}
        title={calculators[id].title}
        summary={calculators[id].summary}
        form={{
          model,
          raw: inputs,
          errors,
          ctx: {
            defaults: calculators[id].defaultsWithReferences(),
            titles,
            figures,
            scenario: loaded ? scenarioContext(loaded.scenario) : undefined,
            render: ctx,
            embed: {
              action: path,
              keep: options.keep,
              locked: options.lock,
              main: mainFieldCount(model),
              reset: `${path}${reset ? `?${reset}` : ""}`,
            },
          },
        }}
        presentation={outcome.ok ? present(outcome.result) : null}
        ctx={ctx}
      />
    </EmbedShell>,
    outcome.ok ? 200 : 400,
  );
});

embedRoutes.get("/embed/case-studies/:slug", async (c) => {
  const ctx = frameContext(c);
  const options = parseEmbedOptions(new URL(c.req.url).searchParams);
  const slug = c.req.param("slug");
  const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
  const row = slugPattern ? await findCaseStudy(c.env.DB, slug) : null;
  const shell = {
    theme: options.theme,
    compact: options.compact,
    accentCss: accentHref(options.accent),
    notes: options.notes,
    scripts: frameScripts(),
    ctx,
  };
  const withdrawn = row === null && slugPattern ? await findTombstone(c.env.DB, slug) : null;
  if (withdrawn) {
    return c.html(
      <EmbedShell title={`Withdrawn: ${withdrawn.title}`} {...shell}>
        <WithdrawnCard slug={slug} title={withdrawn.title} ctx={ctx} />
      </EmbedShell>,
      410,
    );
  }
  if (!row) {
    return c.html(
      <EmbedShell title="Case study not found" {...shell}>
        <NotFoundCard what="case study" ctx={ctx} />
      </EmbedShell>,
      404,
    );
  }
  return c.html(
    <EmbedShell title={row.record.title} {...shell} pageUrl={c.req.url}>
      <EvidenceCard row={row} ctx={ctx} />
    </EmbedShell>,
  );
});

// The accent colours of a frame, derived from a strictly checked hex colour (see accent.ts for why a stylesheet).
embedRoutes.get("/embed/accent.css", (c) => {
  const colour = `#${c.req.query("c") ?? ""}`;
  if (!isEmbedAccent(colour))
    return c.text("/* not a colour: #rgb or #rrggbb */\n", 404, { "content-type": "text/css; charset=utf-8" });
  return c.body(accentCss(colour.toLowerCase()), 200, {
    "content-type": "text/css; charset=utf-8",
    "cache-control": "public, max-age=86400",
  });
});
