/**
 * Search as you type on /search (no framework). Without this script the page is a plain GET form. With it, a pause in
 * typing (or a changed filter or sort) asks the server for the same search with `fragment=results`: the page's parts
 * rendered by the same components as the page (src/search/views.tsx), which replace the sort choices, the results and
 * the filter sidebar (its counts follow the words) by id. The box being typed in is never replaced, so focus and the
 * caret stay put. The address becomes the query a GET submit of the form would produce, with history.replaceState:
 * typing makes no history entries, and back and forward move between pages as they would without the script.
 */
import { FRAGMENT_PARAM, FRAGMENT_VALUE, RESULTS_COUNT_ID, SEARCH_FORM_ID, SEARCH_PARTS } from "../search/fragment";

const DEBOUNCE_MS = 150;

/** The form as a GET submit would encode it (the sidebar's inputs belong to it through their `form` attribute). */
function queryOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const update = async (navigateOnFailure: boolean): Promise<void> => {
    clearTimeout(timer);
    pending?.abort();
    pending = undefined;
    const query = queryOf(form);
    if (query === shown) return;
    const request = new AbortController();
    pending = request;
    const address = `${path}${query ? `?${query}` : ""}`;
    try {
      const res = await fetch(`${path}?${query}${query ? "&" : ""}${FRAGMENT_PARAM}=${FRAGMENT_VALUE}`, {
        signal: request.signal,
      });
      if (!res.ok) throw new Error(`search answered ${res.status}`);
      const html = await res.text();
      // A later change aborts this request; the form check also drops an answer that arrived as the person typed.
      if (request !== pending || queryOf(form) !== query) return;
      pending = undefined;
      swap(html);
      shown = query;
      history.replaceState(history.state, "", address);
    } catch (error) {
      if (request.signal.aborted) return;
      if (request === pending) pending = undefined;
      // Pressing Enter must never do nothing: fall back to the plain GET navigation.
      if (navigateOnFailure) location.assign(address);
      else console.warn("search as you type:", error);
    }
  };

  const schedule = (event: Event): void => {
    const target = event.target;
    const control = target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target : null;
    if (!control || control.form !== form || (event instanceof InputEvent && event.isComposing)) return;
    // The answer in flight is for a form that no longer exists.
    pending?.abort();
    clearTimeout(timer);
    timer = setTimeout(() => void update(false), DEBOUNCE_MS);
  };

  // On the document: the sidebar's inputs belong to the form without being inside it.
  document.addEventListener("input", schedule);
  document.addEventListener("change", schedule);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void update(true);
  });
  if (shown === null) void update(false);
}

const form = document.getElementById(SEARCH_FORM_ID);
if (form instanceof HTMLFormElement) init(form);
