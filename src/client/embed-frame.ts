/**
 * The embed frame's height reporter (no framework, no globals). When this page is framed, it measures the document's
 * content with a ResizeObserver and posts `{ type: "roi-embed:height", height }` (CSS px, unrounded: the host rounds
 * up, so no 1 px scrollbar) to the parent whenever the height changes. The embed stylesheet keeps html and body at
 * height auto, so the frame's own height never feeds back into what is measured. Unframed, it does nothing.
 */
import { EMBED_HEIGHT_MESSAGE, type EmbedHeightMessage } from "../domain/embed-url";

function contentHeight(): number {
  // The body's box plus its margins: what the document needs, whatever height the frame currently has.
  const body = document.body;
  const style = getComputedStyle(body);
  return (
    body.getBoundingClientRect().height + Number.parseFloat(style.marginTop) + Number.parseFloat(style.marginBottom)
  );
}

function start(): void {
  let last = -1;
  const report = (): void => {
    const height = contentHeight();
    if (!Number.isFinite(height) || height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: EMBED_HEIGHT_MESSAGE, height };
    // "*": the frame cannot know the host's origin, and a height is no secret.
    window.parent.postMessage(message, "*");
  };
  new ResizeObserver(report).observe(document.body);
  // A frame inside a hidden tab lays out at 0 × 0; the observer fires again when it is shown. Fonts can change the
  // height after the first layout without resizing the body's box: report again when they are in.
  document.fonts?.ready.then(report, () => undefined);
  report();
}

if (window.top !== window.self) {
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
}
