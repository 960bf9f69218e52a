/**
 * The site's one stylesheet (CSP allows no inline styles). Mobile first, print-ready. Not part of the Worker: `npm run
 * build` writes it to build/public/assets/site.<hash>.css, a static file the pages link through the asset manifest.
 */
export const siteCss = `
:root{--ink:#1d232a;--muted:#55606c;--line:#d7dde3;--bg:#fff;--soft:#f4f6f8;--accent:#0b5cad;--accent-ink:#fff;
--warn-bg:#fff4d6;--warn-line:#c98a00;--bad-bg:#fde8e8;--bad-line:#b42318;--ok:#1a7f37;
--gA:#1a7f37;--gB:#2f6f9f;--gC:#8a6d00;--gD:#a2461f;--gE:#6b6b6b;font-size:100%}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
header.site{border-bottom:1px solid var(--line);background:var(--soft)}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
header.site .brand{font-weight:700;text-decoration:none;color:var(--ink)}
nav.main ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
.wrap{max-width:72rem;margin:0 auto;padding:.75rem 1rem}
main.wrap{padding-top:1.5rem;padding-bottom:3rem}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 1rem}h2{font-size:1.35rem;margin-top:2rem}h3{font-size:1.1rem}
.lede{font-size:1.125rem;color:var(--muted);max-width:48rem}
.muted{color:var(--muted)}.small{font-size:.875rem}
.banner{border-left:6px solid var(--warn-line);background:var(--warn-bg);padding:.75rem 1rem;margin:1rem 0;border-radius:4px}
.banner.illustrative{border-color:var(--gE);background:#eee}.banner.retracted{border-color:var(--bad-line);background:var(--bad-bg)}
.banner strong{display:block}
.grade{display:inline-flex;align-items:center;justify-content:center;min-width:2rem;height:2rem;border-radius:4px;font-weight:700;color:#fff;padding:0 .4rem}
.grade-A{background:var(--gA)}.grade-B{background:var(--gB)}.grade-C{background:var(--gC)}.grade-D{background:var(--gD)}.grade-E{background:var(--gE)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .55rem;font-size:.8rem;margin:0 .25rem .25rem 0;background:#fff}
.tag.prov-illustrative{border-color:var(--gE);background:#eee}.tag.prov-reported{border-color:var(--warn-line);background:var(--warn-bg)}.tag.prov-verified{border-color:var(--ok)}
.cards{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))}
.card{border:1px solid var(--line);border-radius:6px;padding:1rem;background:#fff;display:flex;flex-direction:column;gap:.4rem}
.card h3{margin:0;font-size:1.05rem}.card p{margin:0}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:600;color:var(--muted)}dl.facts dd{margin:0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
blockquote{margin:.25rem 0;padding:.25rem .75rem;border-left:3px solid var(--line);color:var(--muted);font-size:.9rem}
ol.citations li{margin-bottom:.6rem}
.body{max-width:48rem}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
label{font-weight:600}input,select,button{font:inherit;padding:.45rem .6rem;border:1px solid #8a949e;border-radius:4px}
button,.button{background:var(--accent);color:var(--accent-ink);border-color:var(--accent);cursor:pointer;text-decoration:none;display:inline-block;padding:.45rem .9rem;border-radius:4px}
.grid-2{display:grid;gap:1.5rem}@media(min-width:50rem){.grid-2{grid-template-columns:1fr 1fr}}
.pager{display:flex;gap:1rem;align-items:center;margin:1.5rem 0}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}pre{background:var(--soft);padding:.75rem;overflow-x:auto;border-radius:4px}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media(max-width:40rem){table.stack thead{position:absolute;left:-9999px}table.stack tr{display:block;border:1px solid var(--line);border-radius:6px;margin-bottom:.75rem;padding:.25rem .5rem}
table.stack th,table.stack td{display:block;border:0;padding:.25rem 0;background:none}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}h1{font-size:1.5rem}}
@media print{header.site nav,footer.site,.no-print,form{display:none!important}body{font-size:11pt}a{color:inherit}
.body a[href^="http"]::after,ol.citations a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;word-break:break-all}
.banner{border:2px solid #000;background:none}.grade{color:#000;border:2px solid #000;background:none}
table{page-break-inside:auto}tr{page-break-inside:avoid}h2{page-break-after:avoid}.card{break-inside:avoid}}
/* calculators: form (labels above inputs), results (figures, verdict, charts, steps), print */
.calc-form [hidden],#calc-output [hidden]{display:none!important}
.calc-layout{display:grid;gap:2rem;grid-template-columns:minmax(0,1fr);align-items:start}
@media(min-width:60rem){.calc-layout{grid-template-columns:minmax(19rem,25rem) minmax(0,1fr)}}
.calc-form h2,.calc-results>h2{margin-top:0}
.calc-grid,.calc-row-fields,.calc-sub-fields{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.calc-layout .calc-grid,.calc-layout .calc-row-fields,.calc-layout .calc-sub-fields{margin:.25rem 0}
.field{display:flex;flex-direction:column;gap:.2rem;min-width:0}
.field label{line-height:1.3}.field .unit{font-weight:400;color:var(--muted);font-size:.9em}
.field input,.field select{width:100%;min-width:0}
.field .help,.field .source{margin:0;color:var(--muted);line-height:1.4}
.field .source .tag{margin:0 .15rem 0 0}
.tag.prov-assumption{border-color:var(--warn-line);background:var(--warn-bg)}.tag.prov-convention,.tag.prov-reference{background:var(--soft)}
.field-error{margin:0;color:var(--bad-line);font-weight:600}
.has-error>input,.has-error>select,input[aria-invalid="true"],select[aria-invalid="true"]{border:2px solid var(--bad-line);background:#fffafa}
.calc-form fieldset{border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:1.25rem 0;min-width:0}
.calc-form legend{font-weight:700;padding:0 .35rem}
.calc-form fieldset.has-error{border:2px solid var(--bad-line)}
.calc-row{background:var(--soft)}.calc-row legend{font-weight:600}
.calc-row>button{margin-top:.6rem}
button.secondary{background:#fff;color:var(--accent)}
.calc-actions{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center;margin:1.25rem 0}
.error-summary{border:3px solid var(--bad-line);background:var(--bad-bg);border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.error-summary h2{font-size:1.1rem;margin:0 0 .4rem}.error-summary ul{margin:0;padding-left:1.2rem}
.banner.invalid ul{margin:.4rem 0 0;padding-left:1.2rem}
.calc-warnings h3{margin:0 0 .4rem;font-size:1rem}.calc-warnings ul{list-style:none;margin:0 0 1rem;padding:0}
.calc-warnings li.banner{margin:.5rem 0;font-size:.92rem}.calc-warnings li.banner strong{display:inline}
ul.figures{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,10.5rem),1fr))}
.figure{border:1px solid var(--line);border-left:5px solid var(--line);border-radius:6px;padding:.5rem .75rem;display:flex;flex-direction:column;gap:.1rem}
.figure.good{border-left-color:var(--ok)}.figure.bad{border-left-color:var(--bad-line)}
.figure-label,.figure-note{font-size:.85rem;color:var(--muted);line-height:1.3}
.figure-value{font-size:1.35rem;line-height:1.25;font-variant-numeric:tabular-nums}
.verdict{font-size:1.08rem;background:var(--soft);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:0 0 1.5rem;border-radius:4px}
.chart-block{margin:1.5rem 0}.chart-block h3{margin:0 0 .5rem}.chart-block figcaption{margin:.3rem 0}
.chart-scroll{overflow-x:auto}.chart-scroll svg.chart{display:block;width:100%;height:auto}
details.chart-data summary{cursor:pointer;color:var(--accent)}
caption{text-align:left;font-weight:600;padding:.25rem 0}
table.steps td.step-n{color:var(--muted);width:2rem}table.steps td.step-result{font-weight:600;font-variant-numeric:tabular-nums}
table.steps th[scope="row"]{background:none;font-weight:600}
.inputs-summary{display:none}
.calc-list h2{font-size:1.1rem;margin:0}
@media(max-width:40rem){table.steps td.step-n,table.steps td:empty,table.steps th:empty{display:none}
/* The charts are drawn 640 units wide; on a phone, larger type in those units keeps the labels readable. */
.chart-scroll svg.chart text{font-size:19px}.chart-tornado svg.chart text{font-size:15px}
.chart-comparison svg.chart text{font-size:15px}.chart-comparison .chart-scroll,.chart-comparison svg.chart{overflow:visible}}
.calc-warnings details summary{cursor:pointer}.calc-warnings details p{margin:.4rem 0 0}
@media print{.calc-layout{display:block}.calc-inputs,.skip-link,details.chart-data,#calc-status{display:none!important}
.chart-scroll{overflow:visible}.chart-block{break-inside:avoid}
.inputs-summary{display:block}.figure{break-inside:avoid}.verdict{border:2px solid #000;background:none}}
/* end calculators */
/* search: query bar, filter sidebar (one GET form, no script), chips, result cards with snippets, no-results */
.search-bar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin-bottom:.5rem}
.search-bar>div{display:flex;flex-direction:column;gap:.2rem;min-width:0}
.search-q{flex:1 1 18rem}.search-q input{width:100%}
.search-layout{display:grid;gap:1.5rem;grid-template-columns:minmax(0,1fr)}
@media(min-width:55rem){.search-layout{grid-template-columns:17rem minmax(0,1fr)}.search-filters{grid-column:1;grid-row:1}.search-results{grid-column:2;grid-row:1}}
.search-filters h2{margin-top:0}
.search-filters fieldset{border:0;padding:0;margin:0 0 1rem;min-width:0}
.search-filters legend{font-weight:700;padding:0;margin-bottom:.25rem}
.search-filters details.facet{margin-bottom:1rem}.search-filters summary{font-weight:700;cursor:pointer;min-height:2rem}
.facet-option{display:flex;gap:.5rem;align-items:center;min-height:2rem}
.facet-option label{font-weight:400}.facet-option input{margin:0;padding:0;width:1.1rem;height:1.1rem;flex:none}
.facet-option .count{color:var(--muted);font-size:.85em}
.year-range{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}.year-range label{font-weight:400}.year-range input{width:6rem}
.results-count{margin-top:0}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.5rem 0 1rem}
.chip{display:inline-block;border:1px solid var(--accent);border-radius:999px;padding:.2rem .75rem;text-decoration:none;font-size:.9rem;background:#fff}
.chip:hover{background:var(--soft)}.chip.clear{border-style:dashed}
mark{background:#fff1a8;color:inherit;padding:0 .1em;border-radius:2px}
.search-hits .figures{margin:0;padding-left:1.1rem}
.kind-label{display:inline-block;margin:0 0 .25rem;padding:0 .5rem;border-radius:.25rem;font-size:.8rem;font-weight:600;letter-spacing:.02em;color:var(--ink);background:var(--soft);border:1px solid var(--line)}
.hit-warning{margin:0;font-size:.85rem;border-left:4px solid var(--warn-line);padding-left:.5rem}
.hit-warning.illustrative{border-color:var(--gE)}.hit-warning.retracted{border-color:var(--bad-line)}
.no-results{border:1px solid var(--line);border-radius:6px;padding:1rem;background:var(--soft)}.no-results h2{margin-top:0}
@media print{.search-filters,.chips{display:none!important}}
/* end search */
.embed-panel{margin:2rem 0;border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem}
.embed-panel>summary{cursor:pointer;padding:.6rem 0}.embed-panel>summary h2{display:inline;margin:0}
.embed-options{display:grid;gap:.75rem;max-width:32rem;margin:1rem 0}
.field.check{flex-direction:row;align-items:center;gap:.5rem}.field.check input{width:auto}
.embed-lock{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;display:grid;gap:.35rem}
.embed-code{white-space:pre-wrap;overflow-wrap:anywhere;margin:.5rem 0}
.embed-preview{display:block;width:100%;border:1px solid var(--line);border-radius:4px;background:var(--bg)}
/* end embed panel */
/* briefs: one-pager first (key messages, synthesis, dot plots), compose editor, and a paginated print */
.brief .key-messages ol{padding-left:1.3rem}.brief .key-messages li{margin:.35rem 0;font-size:1.05rem}
.brief-metric{margin:1.5rem 0;border-top:1px solid var(--line)}
.brief-metric figure{margin:1rem 0}.brief-metric figcaption{margin:.25rem 0 .5rem}
.brief-metric table caption{text-align:left;font-weight:600;padding:.25rem 0}
.figure-line{margin:.3rem 0}.brief-records{list-style:none;padding:0}.brief-records li{margin:.5rem 0}
.compose-editor{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;background:var(--soft);margin:1rem 0}
.compose-actions a{margin-right:.5rem;font-size:.9rem}
.add-to-brief{font-size:.9rem}
h2.h3{font-size:1.15rem;margin:0}.h4{font-size:1rem}
@media print{.brief a[href]::after{content:" <" attr(href) ">";font-size:.75em;word-break:break-all;color:#333}
.brief a[href^="#"]::after,.brief .grade::after{content:none}
.brief-metric{break-inside:auto}.chart-block,figure,.brief-metric table tr,.brief-records li,.figure-line{break-inside:avoid;page-break-inside:avoid}
.brief h2,.brief h3,.brief h4{break-after:avoid;page-break-after:avoid}.brief details>summary{display:none}
.brief details{display:block}.brief details>*{display:block}.key-messages{break-inside:avoid}
@page{margin:16mm 14mm}}
/* end briefs */
/* submissions: the /submit form's text areas (the calculator form's fields, rows and error styles do the rest) */
.submit-form textarea{font:inherit;width:100%;padding:.45rem .6rem;border:1px solid #8a949e;border-radius:4px}
.submit-form textarea[aria-invalid="true"]{border:2px solid var(--bad-line);background:#fffafa}
/* exports and the evidence gap map */
.inline-list{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
.map-scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px;margin:.5rem 0 1.5rem}
.map-scroll:focus{outline:3px solid var(--accent);outline-offset:2px}
table.gap-map{border-collapse:collapse;font-size:.85rem;min-width:100%}
table.gap-map th,table.gap-map td{border:1px solid var(--line);padding:.3rem .4rem;vertical-align:top;text-align:center}
table.gap-map thead th{position:sticky;top:0;background:var(--soft);font-weight:600;min-width:6.5rem}
table.gap-map tbody th{text-align:left;background:var(--soft);position:sticky;left:0;min-width:9rem}
table.gap-map td.gap{color:var(--muted);background:repeating-linear-gradient(45deg,#fff,#fff 4px,#f3f3f3 4px,#f3f3f3 8px)}
table.gap-map td a{display:block;text-decoration:none}table.gap-map td .n{font-weight:700;font-size:1rem}
@media print{.map-scroll{overflow:visible;border:0}table.gap-map{font-size:7pt}table.gap-map thead th,table.gap-map tbody th{position:static}tr{break-inside:avoid}}
`;
