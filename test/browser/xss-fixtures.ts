/**
 * Hostile content for the XSS suite: two case studies, a reference figure and a brief whose every free-text field
 * carries a common XSS payload, written as content files (YAML frontmatter + Markdown) into a copy of content/, so
 * they pass through the same loader, validation and seed statements as the real build. Test data only: the figures
 * are placeholders and never leave the suite's own D1.
 *
 * Every payload, if it ran, would do something the test sees: open a dialog (`alert`), log the marker to the console,
 * or request the marker path. Each carries a tag naming the field it sits in, so a failure says where.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The path every `fetch` payload requests, and the word every console payload logs. */
export const MARKER_PATH = "/xss-marker";
export const MARKER_TEXT = "XSS-MARKER";

/** Script that, if it ever ran, the test would notice (no whitespace, so it also fits in a URL). */
export const js = (tag: string) =>
  `alert('xss:${tag}');console.log('${MARKER_TEXT}:${tag}');fetch('${MARKER_PATH}/${tag}')`;
/** The same, short, for fields with a tight length limit. */
const short = (tag: string) => `alert('xss:${tag}')`;

/** The HTML and attribute payloads, each a function of the field's tag. */
export const htmlPayloads = {
  script: (t: string) => `<script>${short(t)}</script>`,
  img: (t: string) => `<img src=x onerror=${short(t)}>`,
  svgOnload: (t: string) => `<svg onload=${short(t)}>`,
  svgScript: (t: string) => `<svg><script>${short(t)}</script></svg>`,
  attrDouble: (t: string) => `" autofocus onfocus="${short(t)}" x="`,
  attrSingle: (t: string) => `' onmouseover='${short(t)}' x='`,
  breakout: (t: string) => `"><script>${short(t)}</script><"`,
  textarea: (t: string) => `</textarea><script>${short(t)}</script>`,
  title: (t: string) => `</title><script>${short(t)}</script>`,
  style: (t: string) => `</style><script>${short(t)}</script>`,
  unclosed: (t: string) => `<img src=x onerror=${short(t)} `,
  jsonLd: (t: string) => `</script><script>${short(t)}</script><!--`,
  iframe: (t: string) => `<iframe srcdoc="<script>parent.${short(t)}</script>"></iframe>`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  template: () => "${alert('xss')} {{constructor.constructor('alert(1)')()}} #{alert(1)} <%= 1 %>",
};

/** Markdown link and image tricks, and raw HTML in a Markdown body. */
export function hostileMarkdown(tag: string): string {
  const t = (n: string) => `${tag}-${n}`;
  return [
    "## Hostile narrative",
    "",
    `Plain link tricks: [js](javascript:${short(t("js"))}), [mixed case](JaVaScRiPt:${short(t("case"))}),`,
    `[entity](&#106;avascript:${short(t("entity"))}), [hex entity](&#x6A;avascript:${short(t("hex"))}),`,
    `[tab](java&#x09;script:${short(t("tab"))}), [newline](java%0ascript:${short(t("nl"))}),`,
    `[colon](javascript&colon;${short(t("colon"))}), [angle](<javascript:${short(t("angle"))}>),`,
    `[vbscript](vbscript:msgbox('xss:${t("vb")}')), [data](data:text/html,<script>${short(t("data"))}</script>),`,
    `[data64](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzJyk8L3NjcmlwdD4=), [protocol-relative](//evil.example/x),`,
    `[backslash](/\\evil.example/x), [title](https://example.org "t\\" onmouseover=\\"${short(t("ltitle"))}").`,
    "",
    `Reference link: [ref][evil]. Autolinks: <javascript:${short(t("auto"))}> and <https://example.org/"onmouseover=${short(t("autoattr"))}>.`,
    "",
    `[evil]: javascript:${short(t("reflink"))}`,
    "",
    `Images: ![js image](javascript:${short(t("imgjs"))}) ![data image](data:text/html,<script>${short(t("imgdata"))}</script>)`,
    `![svg image](data:image/svg+xml,<svg onload=${short(t("imgsvg"))}>) ![attr image](https://example.org/x.png "x\\" onerror=\\"${short(t("imgtitle"))}")`,
    "",
    `Raw HTML: ${htmlPayloads.script(t("raw-script"))} ${htmlPayloads.img(t("raw-img"))} ${htmlPayloads.svgOnload(t("raw-svg"))}`,
    `${htmlPayloads.svgScript(t("raw-svgscript"))} <a href="java&#x09;script:${short(t("raw-a"))}">tabbed link</a>`,
    `<a href="javascript:${short(t("raw-a2"))}">raw link</a> <div onclick="${short(t("raw-div"))}">clickable</div>`,
    `${htmlPayloads.iframe(t("raw-iframe"))} <object data="javascript:${short(t("raw-object"))}"></object>`,
    `${htmlPayloads.textarea(t("raw-textarea"))} ${htmlPayloads.title(t("raw-title"))} ${htmlPayloads.style(t("raw-style"))}`,
    `${htmlPayloads.template()} <math><mtext><table><mglyph><style><img src=x onerror=${short(t("raw-math"))}>`,
    "",
    "<script>",
    js(t("block-script")),
    "</script>",
    "",
    "```html",
    `</code></pre><script>${short(t("fence"))}</script>`,
    "```",
    "",
    `Inline code: \`</code><img src=x onerror=${short(t("code"))}>\`. Broken markup: "><b>unclosed <i>tags`,
    "",
    `${htmlPayloads.unclosed(t("raw-unclosed"))}`,
  ].join("\n");
}

export const CASE_ONE = "hostile-xss-record-one";
export const CASE_TWO = "hostile-xss-record-two";
export const FIGURE = "hostile-xss-reference-figure";
export const BRIEF = "hostile-xss-brief";

/** Text the pages must show as text (so a passing test is not a page that never rendered the content). */
export const visible = {
  title: htmlPayloads.script("title"),
  titleTwo: htmlPayloads.jsonLd("title2"),
  summary: htmlPayloads.img("summary"),
  organisation: htmlPayloads.breakout("org"),
  label: htmlPayloads.svgOnload("label"),
  quote: htmlPayloads.textarea("quote"),
  sourceTitle: htmlPayloads.style("source-title"),
  author: htmlPayloads.attrDouble("author"),
  bodyScript: htmlPayloads.script("one-raw-script"),
  bodyLinkText: "mixed case",
  figureTitle: htmlPayloads.svgScript("figure-title"),
  figureQuote: htmlPayloads.script("figure-quote"),
  briefTitle: htmlPayloads.title("brief-title"),
  briefMessage: htmlPayloads.img("brief-message"),
};

/** A URL that passes the source schema (absolute http(s), no whitespace) yet tries to break out of an attribute. */
const hostileUrl = (t: string) => `https://example.org/"><svg/onload=${short(t)}>?q='onmouseover=${short(`${t}2`)}`;

function caseStudyOne(version: 1 | 2) {
  return {
    slug: CASE_ONE,
    title: version === 1 ? "Hostile record, first version" : `Hostile record ${visible.title}`,
    summary: `A test record whose fields carry XSS payloads ${visible.summary} ${htmlPayloads.svgScript("summary2")} ${htmlPayloads.template()} ${htmlPayloads.title("summary3")}`,
    status: "published",
    provenance: "reported",
    setting: {
      organization: `Org ${visible.organisation}`,
      region: `Region ${htmlPayloads.style("region")}`,
      care_setting: "health_plan",
      country: "US",
    },
    payer_types: ["medicaid"],
    financing_models: ["coverage_decision"],
    modalities: ["acupuncture"],
    conditions: ["low_back_pain"],
    design: "cohort",
    population: { description: `Population ${htmlPayloads.attrSingle("population")}`, size: 100, unit: "patients" },
    outcomes: [
      {
        metric: "other",
        label: `Label ${visible.label}`,
        kind: "relative_change",
        value: -10,
        unit: "percent",
        comparison: "usual_care",
        source: "hostile",
        quote: `Quote ${visible.quote} -10`,
        n: 100,
      },
      {
        metric: "ed_visits",
        label: `ED ${htmlPayloads.unclosed("label2")}`,
        kind: "relative_change",
        value: -20,
        unit: "percent",
        comparison: "usual_care",
        ci_low: -30,
        ci_high: -5,
        source: "hostile",
        quote: `Quote ${htmlPayloads.breakout("quote2")}`,
        n: 120,
      },
      {
        metric: "savings_per_patient",
        label: `Savings ${htmlPayloads.jsonLd("label3")}`,
        kind: "level",
        value: 100,
        unit: "usd",
        per: "patient",
        comparison: "usual_care",
        source: "second",
      },
    ],
    sources: [
      {
        key: "hostile",
        kind: "journal_article",
        title: `Source ${visible.sourceTitle} ${htmlPayloads.jsonLd("source-title2")}`,
        authors: [`Author ${visible.author}`, htmlPayloads.img("author2")],
        publisher: `Publisher ${htmlPayloads.textarea("publisher")}`,
        year: 2020,
        url: hostileUrl("source-url"),
        doi: `10.1234/"><script>${short("doi")}</script>`,
      },
      {
        key: "second",
        kind: "web_page",
        title: `Second source ${htmlPayloads.iframe("source2")}`,
        url: `https://example.org/x.pdf?"><img/src=x/onerror=${short("pdf-url")}>`,
      },
    ],
    tags: [
      htmlPayloads.script("tag"),
      htmlPayloads.img("tag2"),
      `"><svg onload=${short("tag3")}>`,
      "</textarea></title></style>",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
      "${alert(1)} {{alert(1)}}",
    ],
    body: `${hostileMarkdown("one")}\n\n${version === 2 ? "Second version." : "First version."}`,
  };
}

function caseStudyTwo() {
  return {
    slug: CASE_TWO,
    title: `Second hostile record ${visible.titleTwo}`,
    summary: `Another hostile record ${htmlPayloads.attrDouble("summary-two")} ${htmlPayloads.svgOnload("summary-two2")}`,
    status: "published",
    provenance: "illustrative",
    setting: { organization: htmlPayloads.iframe("org2"), care_setting: "employer", country: "US" },
    payer_types: ["employer_self_insured"],
    financing_models: ["coverage_decision"],
    modalities: ["acupuncture"],
    conditions: ["low_back_pain"],
    design: "illustrative",
    population: { description: htmlPayloads.textarea("population2") },
    outcomes: [
      {
        metric: "ed_visits",
        label: `ED two ${htmlPayloads.attrSingle("label-two")}`,
        kind: "relative_change",
        value: -15,
        unit: "percent",
        comparison: "usual_care",
        source: "doc",
      },
    ],
    sources: [{ key: "doc", kind: "source_document", title: htmlPayloads.svgScript("source-two") }],
    tags: [htmlPayloads.attrSingle("tag-two").toLowerCase()],
    body: hostileMarkdown("two"),
  };
}

function referenceFigure() {
  return {
    slug: FIGURE,
    title: `Hostile figure ${visible.figureTitle}`,
    value: 75,
    unit: "usd",
    per: "member_month",
    payer_context: ["direct_pay"],
    geography: `US ${htmlPayloads.breakout("geo")}`,
    measure: "fee",
    provenance: "reported",
    source: {
      key: "hostile-figure",
      kind: "web_page",
      title: `Figure source ${htmlPayloads.img("figure-source")}`,
      authors: [htmlPayloads.attrDouble("figure-author")],
      publisher: htmlPayloads.style("figure-publisher"),
      url: hostileUrl("figure-url"),
    },
    quote: `fees of 75 a month ${visible.figureQuote}`,
    caveats: [`Caveat ${htmlPayloads.svgOnload("figure-caveat")}`, htmlPayloads.jsonLd("figure-caveat2")],
  };
}

function brief() {
  return {
    slug: BRIEF,
    title: `Hostile brief ${visible.briefTitle}`,
    question: `Does it run ${htmlPayloads.breakout("brief-question")}?`,
    audience: `Readers ${htmlPayloads.textarea("brief-audience")}`,
    case_studies: [CASE_ONE, CASE_TWO],
    metrics: ["ed_visits", "other"],
    key_messages: [`Message ${visible.briefMessage}`, `Second ${htmlPayloads.jsonLd("brief-message2")}`],
    caveats: [`Caveat ${htmlPayloads.attrSingle("brief-caveat")}`],
  };
}

/** A content file: the frontmatter as JSON (which is YAML) and the Markdown body. */
function contentFile(data: Record<string, unknown>, body: string): string {
  return `---\n${JSON.stringify(data, null, 1)}\n---\n${body}\n`;
}

export interface HostileContent {
  /** A copy of content/ with the hostile files added. */
  dir: string;
  /** The same with the first version of the first record, seeded first so its history has two revisions. */
  firstVersionDir: string;
  remove(): void;
}

function writeHostile(dir: string, version: 1 | 2): void {
  const { body: bodyOne, ...one } = caseStudyOne(version);
  const { body: bodyTwo, ...two } = caseStudyTwo();
  writeFileSync(join(dir, "case-studies", `${CASE_ONE}.md`), contentFile(one, bodyOne));
  writeFileSync(join(dir, "case-studies", `${CASE_TWO}.md`), contentFile(two, bodyTwo));
  writeFileSync(join(dir, "reference-figures", `${FIGURE}.md`), contentFile(referenceFigure(), hostileMarkdown("fig")));
  writeFileSync(join(dir, "briefs", `${BRIEF}.md`), contentFile(brief(), hostileMarkdown("brief")));
}

/** Copies content/ twice into a temp folder and adds the hostile files (version 1 and version 2). */
export function writeHostileContent(contentDir: string): HostileContent {
  const root = mkdtempSync(join(tmpdir(), "xss-content-"));
  const dir = join(root, "v2");
  const firstVersionDir = join(root, "v1");
  for (const [target, version] of [
    [firstVersionDir, 1],
    [dir, 2],
  ] as const) {
    cpSync(contentDir, target, { recursive: true });
    writeHostile(target, version);
  }
  return { dir, firstVersionDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Fields the schema rejects a script URL in (they are covered by validation, not by the browser). */
export const rejectedUrls = [
  `javascript:${short("url")}`,
  `JaVaScRiPt:${short("url")}`,
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  " javascript:alert(1)",
  "https://example.org/ onmouseover=alert(1)",
];

export { caseStudyOne };
