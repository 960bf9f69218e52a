/**
 * Domain synonyms: the one table of equivalent terms the search expands, always both ways (any member of a group
 * finds every member). Each term is one or more lower-case words as the FTS5 tokenizer splits them, so "C-section"
 * is written "c section". Stemming (porter) already joins plurals and most inflections ("readmission" and
 * "readmissions", "counselling" and "counseling"), so a group is only needed where the words themselves differ:
 * abbreviations, British and American spellings the stemmer keeps apart, and the field's near-equivalents.
 *
 * Keep it small and obvious: every group here widens every query that mentions one of its terms, and a test checks
 * each group both ways (test/unit/search/parse.test.ts).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["caesarean", "cesarean", "c section", "caesarian", "cesarian"],
  ["ed", "er", "emergency department", "emergency room"],
  ["lbp", "low back pain"],
  ["mbsr", "mindfulness"],
  ["aco", "accountable care"],
  ["sib", "social impact bond", "pay for success"],
  ["dpp", "diabetes prevention"],
  ["hba1c", "a1c", "glycated haemoglobin", "glycated hemoglobin"],
  ["opioid", "opiate"],
  ["cbt", "cognitive behavioural therapy", "cognitive behavioral therapy"],
  ["roi", "return on investment"],
  ["nicu", "neonatal intensive care"],
  ["ffs", "fee for service"],
  ["p4p", "pay for performance"],
  ["pmpm", "per member per month"],
  ["va", "veterans affairs", "veterans health"],
  ["tai chi", "taiji", "tai ji"],
  ["rehab", "rehabilitation"],
  // A programme name written as one word; people type it as two.
  ["centeringpregnancy", "centering pregnancy"],
  // Payers ask "does it save money?"; records say "savings" (porter stems it to "save").
  ["save money", "savings", "cost savings"],
  // Spellings the porter stemmer does not join ("behaviour" and "behavior" keep different stems).
  ["behavioural", "behavioral"],
  ["hospitalisation", "hospitalization"],
  ["programme", "program"],
  ["haemoglobin", "hemoglobin"],
];

/** A synonym term as its words, e.g. ["c", "section"]. */
export type SynonymTerm = readonly string[];

/** Diacritics folded and lower-cased, as the FTS5 tokenizer (unicode61 remove_diacritics 2) sees a word. */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

interface Entry {
  words: SynonymTerm;
  group: readonly SynonymTerm[];
}

/** Every member, keyed by its first word, longest first, so the parser can try the longest match. */
const BY_FIRST_WORD: ReadonlyMap<string, readonly Entry[]> = (() => {
  const map = new Map<string, Entry[]>();
  for (const members of SYNONYM_GROUPS) {
    const group = members.map((m) => m.split(" "));
    for (const words of group) {
      const first = words[0] as string;
      map.set(first, [...(map.get(first) ?? []), { words, group }]);
    }
  }
  for (const entries of map.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/** Plural forms people type ("opioids", "social impact bonds") match the singular member of a group. */
function singularForms(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.length > 2 && word.endsWith("s")) forms.push(word.slice(0, -1));
  return forms;
}

function sameWord(typed: string, member: string, last: boolean): boolean {
  return last ? singularForms(typed).includes(member) : typed === member;
}

/**
 * The longest synonym member that the words starting at `start` spell out, as [number of words used, group],
 * or null. Only the last word of a member may be a plural of it.
 */
export function matchSynonym(words: readonly string[], start: number): [number, readonly SynonymTerm[]] | null {
  const first = words[start];
  if (first === undefined) return null;
  const candidates = new Set<Entry>();
  for (const form of singularForms(first)) for (const e of BY_FIRST_WORD.get(form) ?? []) candidates.add(e);
  const ordered = [...candidates].sort((a, b) => b.words.length - a.words.length);
  for (const entry of ordered) {
    const n = entry.words.length;
    if (start + n > words.length) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      ok = sameWord(words[start + i] as string, entry.words[i] as string, i === n - 1);
    }
    if (ok) return [n, entry.group];
  }
  return null;
}
