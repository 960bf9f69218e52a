/**
 * The embed frame's stylesheet, loaded after the site's (src/views/styles.ts): a dark palette (fixed with
 * `theme=dark`, or following the reader's setting with `theme=auto`), a layout for frames 320–800 px wide, and a
 * document that sizes to its content (html and body height auto, nothing in vh or 100%), so the height the frame
 * reports can never feed back into itself. A static file like the site's (npm run build), so the CSP needs no
 * inline style.
 */

// Checked for WCAG AA: ink on bg 14.6:1, muted on bg 7.6:1, accent on bg 7.9:1, accent-ink on accent 7.9:1,
// bad-line on bg 7.1:1, bad-line on bad-bg 5.6:1, ink on warn-bg 11.9:1.
const DARK =
  "--ink:#e6e9ed;--muted:#aab4be;--line:#3b444e;--bg:#15191e;--soft:#1f252c;--accent:#7dbbff;--accent-ink:#15191e;" +
  "--warn-bg:#3b300c;--warn-line:#d9a21b;--bad-bg:#3d1816;--bad-line:#ff9b91;--ok:#5cc97a;--tag-bg:#1f252c;--input-bg:#0f1216;color-scheme:dark";

const DARK_RULES = (scope: string) =>
  [
    `${scope}{${DARK}}`,
    `${scope} .tag,${scope} .card,${scope} button.secondary,${scope} .chip{background:var(--soft)}`,
    `${scope} .banner.illustrative,${scope} .tag.prov-illustrative{background:#2a2f35}`,
    `${scope} input,${scope} select{background:var(--input-bg);color:var(--ink);border-color:#7a858f}`,
    `${scope} .has-error>input,${scope} .has-error>select,${scope} input[aria-invalid="true"],${scope} select[aria-invalid="true"]{background:#2a1412}`,
    // The charts are drawn in the light palette (src/charts/svg.ts): they keep a light ground of their own.
    `${scope} .chart-scroll{background:#fff;border-radius:4px;padding:.25rem}`,
    `${scope} mark{background:#5c4d00;color:var(--ink)}`,
    `${scope} a:focus-visible,${scope} button:focus-visible,${scope} input:focus-visible,${scope} select:focus-visible,${scope} summary:focus-visible{outline-color:#ffd24d}`,
  ].join("\n");

export const embedCss = `
html,body{height:auto;min-height:0}
body.embed{margin:0;overflow-wrap:anywhere}
.embed main{padding:.75rem}
.embed h1{font-size:1.3rem;margin:0 0 .5rem}.embed h2{font-size:1.1rem;margin:1rem 0 .5rem}
.embed .lede{font-size:1rem;margin:0 0 .75rem}
.embed .calc-layout{gap:1rem}
@media(min-width:36rem){.embed .calc-layout{grid-template-columns:minmax(14rem,18rem) minmax(0,1fr)}}
.embed .calc-grid,.embed .calc-row-fields,.embed .calc-sub-fields{grid-template-columns:minmax(0,1fr)}
.embed .calc-form fieldset{margin:.75rem 0}
.embed .calc-actions{margin:.75rem 0}
details.calc-more{margin:.75rem 0;border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}
details.calc-more>summary{cursor:pointer;font-weight:600;min-height:1.75rem}
.field.locked input{background:var(--soft);border-style:dashed}
.embed-notes{border-left:6px solid var(--warn-line);background:var(--warn-bg);padding:.5rem .75rem;margin:0 0 .75rem;border-radius:4px}
.embed-notes ul{margin:.25rem 0 0;padding-left:1.1rem}
.embed-foot{margin:1rem 0 0;padding-top:.5rem;border-top:1px solid var(--line)}
.embed .chart-block{margin:1rem 0}
.embed.compact .lede,.embed.compact .calc-steps,.embed.compact .chart-block,.embed.compact .field .help,.embed.compact .field .source{display:none}
.embed.compact main{padding:.5rem}
.evidence-card h1{font-size:1.2rem}
.evidence-card .grade-line{display:flex;gap:.6rem;align-items:flex-start;margin:.5rem 0}
.evidence-card ul.key-figures{margin:.5rem 0;padding-left:1.1rem}
.evidence-card .retracted-title{text-decoration:line-through}
@media(prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
${DARK_RULES(".theme-dark")}
@media(prefers-color-scheme:dark){
${DARK_RULES(".theme-auto")}
}
`;
