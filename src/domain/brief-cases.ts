/**
 * A composed brief lives in its URL: `/briefs/compose?cases=a,b,c`. These pure helpers read that list and write the
 * next URL for each edit (add, remove, move), so every edit is a plain link that works without JavaScript, and the
 * search and record pages can offer "Add to brief" without knowing anything else about briefs.
 */
import { MAX_BRIEF_CASES } from "./brief";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What a `cases` parameter holds: well-formed slugs in order (first of each kept), capped, and what was dropped. */
export interface CaseList {
  slugs: string[];
  /** Entries that are not slugs at all (shown as not found, like unknown slugs). */
  malformed: string[];
  /** Slugs beyond the cap, dropped. */
  overCap: string[];
}

/** Reads `cases` (comma-separated, possibly repeated as several parameters). */
export function readCases(values: readonly string[]): CaseList {
  const slugs: string[] = [];
  const malformed: string[] = [];
  const overCap: string[] = [];
  for (const raw of values.flatMap((v) => v.split(","))) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.length > 80 || !SLUG.test(entry)) {
      if (malformed.length < MAX_BRIEF_CASES) malformed.push(raw.trim().slice(0, 80));
      continue;
    }
    if (slugs.includes(entry)) continue;
    if (slugs.length >= MAX_BRIEF_CASES) overCap.push(entry);
    else slugs.push(entry);
  }
  return { slugs, malformed, overCap };
}

/** The address of a composed brief with these records (commas kept readable). */
export function composeHref(slugs: readonly string[]): string {
  return slugs.length ? `/briefs/compose?cases=${slugs.join(",")}` : "/briefs/compose";
}

/** The brief with `slug` added at the end (unchanged when it is there already or the brief is full). */
export function withCase(slugs: readonly string[], slug: string): string[] {
  if (slugs.includes(slug) || slugs.length >= MAX_BRIEF_CASES) return [...slugs];
  return [...slugs, slug];
}

export function withoutCase(slugs: readonly string[], slug: string): string[] {
  return slugs.filter((s) => s !== slug);
}

/** The brief with the record at `index` moved one place up (-1) or down (+1). */
export function movedCase(slugs: readonly string[], index: number, by: -1 | 1): string[] {
  const target = index + by;
  if (index < 0 || index >= slugs.length || target < 0 || target >= slugs.length) return [...slugs];
  const next = [...slugs];
  [next[index], next[target]] = [next[target] as string, next[index] as string];
  return next;
}
