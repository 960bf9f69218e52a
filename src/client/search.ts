/**
 * Search as you type on /search (no framework). Without this script the page is a plain GET form. With it, each change
 * to the form (a key, a filter, a sort) asks the server for the same search with `fragment=results`: the page's parts
 * rendered by the same components as the page (src/search/views.tsx), which replace the sort choices, the results and
 * the filter sidebar (its counts follow the words) by id. The box being typed in is never replaced, so focus and the
 * caret stay put. The address becomes the query a GET submit of the form would produce, with history.replaceState:
 * typing makes no history entries, and back and forward move between pages as they would without the script.
 *
 * No pause is waited for: one request at a time, for the form as it is when sent. A key pressed while it is in flight
 * waits for its answer, then the form as it is then is asked for at once. Typing never aborts the request: that would
 * throw away the server's work and leave a fast typist with nothing on screen until they stopped. An answer the form
 * has moved on from is shown only while the newer one is on its way, and only if just the words changed (replacing
 * the sidebar with an older rendering would undo a filter ticked meanwhile); the live count is `aria-busy` until the
 * newest arrives, so screen readers are not read every step. A query asked again within a minute is answered by the
 * browser's HTTP cache (fragments are `max-age=60`, like the page), so backspacing costs no trip to the server.
 */
import {
  FRAGMENT_PARAM,
  FRAGMENT_VALUE,
  RESULTS_COUNT_ID,
  SEARCH_FORM_ID,
  SEARCH_PARTS,
  WORDS_PARAM,
} from "../search/fragment";

/**
 * How long one answer may take before it counts as failed: newer words then go out (or Enter navigates), so a request
 * hung on a bad network cannot hold the box up for good. Far above a search's usual answer (tens of milliseconds).
 */
const REQUEST_TIMEOUT_MS = 5000;

/** The form as a GET submit would encode it (the sidebar's inputs belong to it through their `form` attribute). */
function queryOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
  return params.toString();
}

/** A query without its words: two answers that share it differ in what was typed only. */
function besideWords(query: string): string {
  const params = new URLSearchParams(query);
  params.delete(WORDS_PARAM);
  return params.toString();
}

/** Whether the browser restored edited fields (reload, back) so the form no longer says what the server rendered. */
function restored(form: HTMLFormElement): boolean {
  for (const element of form.elements) {
    if (element instanceof HTMLSelectElement) {
      const initial = [...element.options].findIndex((option) => option.defaultSelected);
      if (element.selectedIndex !== Math.max(initial, 0)) return true;
    } else if (element instanceof HTMLInputElement) {
      const checkable = element.type === "checkbox" || element.type === "radio";
      if (checkable ? element.checked !== element.defaultChecked : element.value !== element.defaultValue) return true;
    }
  }
  return false;
}

/** Replaces the results, keeping their live count element in place: screen readers announce its new words. */
function swapResults(current: Element, next: Element): void {
  const count = current.querySelector(`#${RESULTS_COUNT_ID}`);
  const nextCount = next.querySelector(`#${RESULTS_COUNT_ID}`);
  if (!count || !nextCount || count.parentNode !== current || nextCount.parentNode !== next) {
    current.replaceWith(next);
    return;
  }
  if (count.innerHTML !== nextCount.innerHTML) count.innerHTML = nextCount.innerHTML;
  for (const node of [...current.childNodes]) if (node !== count) current.removeChild(node);
  let before = true;
  for (const node of [...next.childNodes]) {
    if (node === nextCount) before = false;
    else if (before) current.insertBefore(node, count);
    else current.appendChild(node);
  }
}

/** Puts the server's parts in the page; keeps focus on a replaced control, and folded filters opened by hand. */
function swap(html: string): void {
  const template = document.createElement("template");
  template.innerHTML = html;
  const parts = template.content;
  const title = parts.querySelector("title")?.textContent;
  if (title) document.title = title;
  const focused = document.activeElement;
  const opened = [...document.querySelectorAll(`#${SEARCH_PARTS.filters} details[open] summary`)].map(
    (summary) => summary.textContent,
  );
  for (const id of Object.values(SEARCH_PARTS)) {
    const current = document.getElementById(id);
    const next = parts.getElementById(id);
    if (!current || !next) continue;
    if (id === SEARCH_PARTS.results) swapResults(current, next);
    else current.replaceWith(next);
  }
  for (const summary of document.querySelectorAll(`#${SEARCH_PARTS.filters} details summary`)) {
    if (opened.includes(summary.textContent)) summary.parentElement?.setAttribute("open", "");
  }
  if (focused?.id && !focused.isConnected) document.getElementById(focused.id)?.focus({ preventScroll: true });
}

function init(form: HTMLFormElement): void {
  /** The query the results on screen answer; unknown (null) when the browser restored edited fields. */
  let shown: string | null = restored(form) ? null : queryOf(form);
  const path = new URL(form.action).pathname;
  const addressOf = (query: string) => `${path}${query ? `?${query}` : ""}`;
  /** A request is in flight: changes meanwhile wait for its answer. */
  let busy = false;
  /** Enter was pressed and its answer is not on screen yet. */
  let submitted = false;

  const send = async (): Promise<void> => {
    const query = queryOf(form);
    busy = true;
    let html: string | undefined;
    try {
      const res = await fetch(`${path}?${query}${query ? "&" : ""}${FRAGMENT_PARAM}=${FRAGMENT_VALUE}`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`search answered ${res.status}`);
      html = await res.text();
    } catch (error) {
      console.warn("search as you type:", error);
    }
    busy = false;
    const latest = queryOf(form);
    // Only a change since the request is asked for again: a failed query is not retried in a loop.
    const newer = latest !== query && latest !== shown;
    // Sent before this answer is put in the page, so the request travels while the swap runs.
    if (newer) void send();
    const count = () => document.getElementById(RESULTS_COUNT_ID);
    if (html === undefined) {
      // Pressing Enter must never do nothing: fall back to the plain GET navigation.
      if (submitted && latest === query) location.assign(addressOf(query));
    } else if (latest === query || (newer && besideWords(latest) === besideWords(query))) {
      swap(html);
      shown = query;
      history.replaceState(history.state, "", addressOf(query));
      if (newer) count()?.setAttribute("aria-busy", "true");
    }
    if (!newer) {
      submitted = false;
      count()?.removeAttribute("aria-busy");
    }
  };

  const ask = (): void => {
    if (!busy && queryOf(form) !== shown) void send();
  };

  const changed = (event: Event): void => {
    const target = event.target;
    const control = target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target : null;
    if (!control || control.form !== form || (event instanceof InputEvent && event.isComposing)) return;
    ask();
  };

  // On the document: the sidebar's inputs belong to the form without being inside it.
  document.addEventListener("input", changed);
  document.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted = queryOf(form) !== shown;
    ask();
  });
  if (shown === null) void send();
}

const form = document.getElementById(SEARCH_FORM_ID);
if (form instanceof HTMLFormElement) init(form);
