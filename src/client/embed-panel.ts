/**
 * Progressive enhancement of the "Embed" panel (src/views/embed-panel.tsx). Without this script the panel is a GET
 * form whose answer carries the regenerated snippets. With it: copy buttons (navigator.clipboard, with the result
 * said in a polite live region), and the snippets, the form's hidden inputs and the preview follow the panel's
 * options and the calculator's inputs as they change, built by the same functions the server used.
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
  panelOptions,
} from "../domain/embed-snippet";

/** Later than the calculator script's own debounce (150 ms): by then it has written the inputs to the address. */
const FOLLOW_MS = 300;

function init(panel: HTMLElement): void {
  const origin = panel.dataset.origin ?? location.origin;
  const title = panel.dataset.title ?? document.title;
  let target: EmbedTarget;
  try {
    target = JSON.parse(panel.dataset.target ?? "") as EmbedTarget;
  } catch {
    return;
  }
  const form = panel.querySelector<HTMLFormElement>("form.embed-options");
  const status = panel.querySelector<HTMLElement>("#embed-copy-status");
  const loaderCode = panel.querySelector<HTMLElement>("#embed-loader-code");
  const iframeCode = panel.querySelector<HTMLElement>("#embed-iframe-code");
  const preview = panel.querySelector<HTMLIFrameElement>("#embed-preview");
  if (!form || !loaderCode || !iframeCode) return;

  const lockable = [...form.querySelectorAll<HTMLInputElement>(`input[name="${PANEL_PARAM_PREFIX}lock"]`)].map(
    (input) => input.value,
  );

  /** The calculator's inputs: what the address holds (the calculator script keeps it current), panel's own left out. */
  const currentInputs = (): [string, string][] =>
    [...new URLSearchParams(location.search)].filter(([name]) => !name.startsWith(PANEL_PARAM_PREFIX));

  const currentOptions = (): EmbedOptions => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && name.startsWith(PANEL_PARAM_PREFIX)) params.append(name, value);
    }
    return panelOptions(params, lockable).options;
  };

  const rebuild = (): void => {
    const inputs = target.kind === "calculator" ? currentInputs() : [];
    const options = currentOptions();
    const src = embedUrl(origin, target, inputs, options);
    loaderCode.textContent = loaderSnippet(origin, target, title, inputs, options);
    iframeCode.textContent = iframeSnippet(src, embedFrameTitle(target, title), PLAIN_FRAME_HEIGHT[target.kind]);
    if (preview && preview.src !== src) preview.src = src;
    // A submit of the panel's form keeps the calculator's current inputs.
    for (const hidden of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) hidden.remove();
    for (const [name, value] of inputs) {
      const hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = name;
      hidden.value = value;
      form.insertBefore(hidden, form.firstChild);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (): void => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, FOLLOW_MS);
  };
  form.addEventListener("input", follow);
  form.addEventListener("change", follow);
  const calculatorForm = document.getElementById("calc-form");
  calculatorForm?.addEventListener("input", follow);
  calculatorForm?.addEventListener("change", follow);
  calculatorForm?.addEventListener("submit", follow);

  for (const button of panel.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const code = document.getElementById(button.dataset.copy ?? "");
    if (!code || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code.textContent ?? "");
        if (status) status.textContent = "Copied. Paste it into your page.";
      } catch {
        // No clipboard permission: select the snippet so Ctrl+C (or ⌘C) copies it.
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        if (status) status.textContent = "Copying was not allowed; the snippet is selected, press Ctrl+C to copy it.";
      }
    });
  }
}

for (const panel of document.querySelectorAll<HTMLElement>("[data-embed-panel]")) init(panel);
