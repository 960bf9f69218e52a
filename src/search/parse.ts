/**
 * Query understanding: turns whatever a person typed into safe FTS5 syntax. User text never reaches MATCH raw:
 * every word is emitted as a double-quoted FTS5 string made only of letters and digits, and the only operators in
 * the output are the ones written here (AND, OR, NOT, parentheses, the prefix star). So no input can make FTS5
 * throw, and the worst a hostile string can do is match nothing.
 *
 * Rules (each has a test in test/unit/search/parse.test.ts):
 * - words are ANDed; the last word is also matched as a prefix while the person is still typing it;
 * - "quoted phrases" stay phrases; a word joined by hyphens or apostrophes ("c-section") is a phrase too, because
 *   that is how the tokenizer indexed it;
 * - -word or -"a phrase" excludes (NOT word also works); a query of exclusions only means "everything but";
 * - OR (upper case) between two terms makes them alternatives;
 * - anything else (stray quotes, parentheses, NEAR, *, :, ^, emoji, junk) is plain text split into words;
 * - a short list of function words ("the", "does", "for") is dropped so questions work;
 * - domain synonyms (./synonyms.ts) expand to OR groups;
 * - input is capped (characters, terms, word length) so the FTS work per query stays bounded.
 */
import { foldWord, matchSynonym, type SynonymTerm } from "./synonyms";

/** Characters of input considered; the rest is ignored (and said so through `truncated`). */
export const MAX_QUERY_CHARS = 1000;
/** ANDed terms kept; more only narrows an already narrow query while multiplying FTS work. */
export const MAX_TERMS = 12;
/** Excluded terms kept. */
export const MAX_EXCLUSIONS = 6;
/** Longer "words" are junk (no English or medical word comes close), so they are dropped. */
export const MAX_WORD_CHARS = 40;
/** Below this length a prefix would expand to a large share of the vocabulary, so the word is matched whole. */
export const MIN_PREFIX_CHARS = 3;

/**
 * Function words dropped from unquoted text so that a question ("does covering acupuncture for back pain save
 * money?") still finds records: ANDing "does" and "for" would require them in the text. Not dropped: words that are
 * also abbreviations in this field ("us", "who", "er", "ed").
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been by can could did do does for from had has have how i if in into is it its of on or " +
    "our should so than that the their them then there these they this those to was we were what when where which " +
    "why will with would you your about any me my"
  ).split(" "),
);

/** One searchable term: a word (maybe a prefix), a phrase, or a synonym group of alternatives. */
export type Term =
  | { kind: "word"; word: string; prefix: boolean }
  | { kind: "phrase"; words: string[] }
  | { kind: "synonyms"; typed: string[]; group: readonly SynonymTerm[] };

/** Terms joined by OR; a query is clauses joined by AND. */
export type Clause = Term[];

export interface ParsedQuery {
  /** ANDed clauses that must match. */
  include: Clause[];
  /** Clauses that must not match. */
  exclude: Clause[];
  /** The FTS5 expression for MATCH, or null when nothing must match (empty, or exclusions only). */
  match: string | null;
  /** The FTS5 expression of the exclusions alone (used when there is nothing to include), or null. */
  excludeMatch: string | null;
  /** The query as understood, in the same syntax a person types: lower case, stopwords dropped, * on a prefix. */
  normalized: string;
  /** Synonym expansions applied, for display: the typed words and their alternatives. */
  expansions: { typed: string; alternatives: string[] }[];
  /** True when input, terms or words were cut to the limits above. */
  truncated: boolean;
}

interface Unit {
  words: string[];
  negated: boolean;
  quoted: boolean;
}

type Token = { type: "unit"; unit: Unit } | { type: "or" };

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Characters that join parts of one word (c-section, don't, U.S.): such a word becomes a phrase. */
const JOINERS = new Set(["-", "'", "\u2019", ".", "/", "_", "\u2010", "\u2011", "\u2013"]);
const SPACE = /\s/u;

/** Splits text into words the way the unicode61 tokenizer does (letters and digits; the rest separates). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push(match[0].toLowerCase());
  return out;
}

/** A bare chunk of text (no spaces, no quotes) → units: joiner-linked words form a phrase; other symbols split. */
function chunkUnits(chunk: string, negated: boolean): Unit[] {
  const units: Unit[] = [];
  let current: string[] = [];
  let word = "";
  let lastWasJoiner = false;
  const flushWord = () => {
    if (word) current.push(word.toLowerCase());
    word = "";
  };
  const flushUnit = () => {
    flushWord();
    if (current.length) units.push({ words: current, negated, quoted: false });
    current = [];
  };
  for (const ch of chunk) {
    if (WORD_CHAR.test(ch)) {
      word += ch;
      lastWasJoiner = false;
    } else if (JOINERS.has(ch) && word && !lastWasJoiner) {
      flushWord();
      lastWasJoiner = true;
    } else {
      flushUnit();
      lastWasJoiner = false;
    }
  }
  flushUnit();
  // Only the first unit of a chunk carries the minus sign: "-c-section" excludes the phrase, "-a(b" excludes a.
  return units.map((u, i) => (i === 0 ? u : { ...u, negated: false }));
}

/** Scans the raw text into units and OR markers. Unbalanced quotes are ignored, never an error. */
function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let pendingNot = false;
  const chars = [...text];
  const push = (units: Unit[]) => {
    for (const unit of units) {
      if (pendingNot) {
        unit.negated = true;
        pendingNot = false;
      }
      tokens.push({ type: "unit", unit });
    }
  };
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    // A minus at the start of a chunk negates what follows it (a word, or a quoted phrase).
    let negated = false;
    let j = i;
    while (chars[j] === "-" || chars[j] === "\u2212") {
      negated = true;
      j++;
    }
    if (chars[j] === '"') {
      const close = chars.indexOf('"', j + 1);
      if (close !== -1) {
        const phraseWords = words(chars.slice(j + 1, close).join(""));
        if (phraseWords.length) push([{ words: phraseWords, negated, quoted: true }]);
        i = close + 1;
        continue;
      }
      // A stray quote: drop it and read on as plain text.
      i = j + 1;
      continue;
    }
    let end = j;
    while (end < chars.length && !SPACE.test(chars[end] as string) && chars[end] !== '"') end++;
    const chunk = chars.slice(j, end).join("");
    i = end;
    if (chunk === "OR" && !negated) {
      tokens.push({ type: "or" });
      continue;
    }
    if (chunk === "AND" && !negated) continue;
    if (chunk === "NOT" && !negated) {
      pendingNot = true;
      continue;
    }
    push(chunkUnits(chunk, negated));
  }
  return tokens;
}

function termText(term: Term): string {
  switch (term.kind) {
    case "word":
      return `${term.word}${term.prefix ? "*" : ""}`;
    case "phrase":
      return `"${term.words.join(" ")}"`;
    case "synonyms":
      // Unquoted, so that parsing the normalised text again finds the same synonym.
      return term.typed.join(" ");
  }
}

function clauseText(clause: Clause): string {
  return clause.map(termText).join(" OR ");
}

/** An FTS5 string literal; the words hold only letters and digits, but quotes are doubled all the same. */
function ftsString(wordsOf: readonly string[]): string {
  return `"${wordsOf.join(" ").replace(/"/g, '""')}"`;
}

/**
 * Porter stems the indexed word, and a half-typed word can stop inside the suffix it strips: "readmissio" is no
 * prefix of the stem "readmiss", nor "medicatio" of "medic". So a last word ending in a partial "-ion" after s or t,
 * or a partial "-ation", is also matched with that partial suffix cut. Deliberately narrow: a wider cut ("medicaid"
 * to "medic") would pull in medical, medicare and medication.
 */
export function prefixStems(word: string): string[] {
  const cut = /(?:atio|ati)$/.exec(word) ?? /(?<=[st])(?:io|i)$/.exec(word);
  if (!cut || word.length - cut[0].length < 4) return [word];
  return [word, word.slice(0, -cut[0].length)];
}

function prefixExpression(word: string): string {
  const parts = prefixStems(word).map((w) => `${ftsString([w])}*`);
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
}

function termExpression(term: Term): string {
  switch (term.kind) {
    case "word":
      return term.prefix ? prefixExpression(term.word) : ftsString([term.word]);
    case "phrase":
      return ftsString(term.words);
    case "synonyms":
      return `(${term.group.map((member) => ftsString(member)).join(" OR ")})`;
  }
}

function clauseExpression(clause: Clause): string {
  const parts = [...new Set(clause.map(termExpression))];
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
}

/** Units → terms, joining runs of words that spell a synonym ("low back pain", "c section") into one term. */
function termsOf(units: Unit[]): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i] as Unit;
    if (unit.quoted) {
      // Quoted text is taken literally: no synonyms, no prefix (a quoted single word is a one-word phrase).
      terms.push({ kind: "phrase", words: unit.words });
      i++;
      continue;
    }
    // Try the longest synonym over this and the following unquoted units, aligned on unit boundaries.
    const flat: string[] = [];
    const ends: number[] = [];
    // The longest member has four words, so a few units are enough to look at.
    for (let k = i; k < units.length && !(units[k] as Unit).quoted && flat.length < 8; k++) {
      flat.push(...(units[k] as Unit).words.map(foldWord));
      ends.push(flat.length);
    }
    const match = matchSynonym(flat, 0);
    const used = match ? ends.indexOf(match[0]) : -1;
    if (match && used !== -1) {
      const typed = units.slice(i, i + used + 1).flatMap((u) => u.words);
      terms.push({ kind: "synonyms", typed, group: match[1] });
      i += used + 1;
      continue;
    }
    terms.push(
      unit.words.length === 1
        ? { kind: "word", word: unit.words[0] as string, prefix: false }
        : { kind: "phrase", words: unit.words },
    );
    i++;
  }
  return terms;
}

/** Parses any text into a safe FTS5 query. Never throws. */
export function parseQuery(input: unknown): ParsedQuery {
  const raw = typeof input === "string" ? input : "";
  let truncated = false;
  let text = raw.normalize("NFKC");
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    truncated = true;
  }
  const endsInSpace = text.length === 0 || SPACE.test(text[text.length - 1] as string);

  // Drop junk-length words. Stopwords stay until synonyms are found ("pay for success" has one).
  const tokens: Token[] = [];
  for (const token of scan(text)) {
    if (token.type === "unit") {
      const kept = token.unit.words.filter((w) => w.length <= MAX_WORD_CHARS);
      if (kept.length !== token.unit.words.length) truncated = true;
      if (kept.length === 0) continue;
      tokens.push({ type: "unit", unit: { ...token.unit, words: kept } });
    } else {
      tokens.push(token);
    }
  }

  // Group into clauses: a run of positive units between ORs is split into terms; OR joins the terms on either side.
  const include: Clause[] = [];
  const exclude: Clause[] = [];
  let run: Unit[] = [];
  let joinNext = false;
  let lastWasPositiveTerm = false;
  const flushRun = () => {
    if (!run.length) return;
    const terms = termsOf(run).filter((t) => !(t.kind === "word" && STOPWORDS.has(t.word)));
    run = [];
    if (!terms.length) return;
    terms.forEach((term, index) => {
      if (index === 0 && joinNext && include.length) {
        (include[include.length - 1] as Clause).push(term);
      } else {
        include.push([term]);
      }
    });
    joinNext = false;
    lastWasPositiveTerm = true;
  };
  for (const token of tokens) {
    if (token.type === "or") {
      // OR needs a term on both sides; a leading, trailing or doubled OR is simply dropped.
      flushRun();
      joinNext = lastWasPositiveTerm;
      continue;
    }
    const unit = token.unit;
    if (unit.negated) {
      flushRun();
      joinNext = false;
      lastWasPositiveTerm = false;
      const terms = termsOf([{ ...unit, negated: false }]).filter((t) => !(t.kind === "word" && STOPWORDS.has(t.word)));
      if (terms.length) exclude.push(terms);
      continue;
    }
    run.push(unit);
  }
  flushRun();

  if (include.length > MAX_TERMS) {
    include.length = MAX_TERMS;
    truncated = true;
  }
  if (exclude.length > MAX_EXCLUSIONS) {
    exclude.length = MAX_EXCLUSIONS;
    truncated = true;
  }

  // Search as you type: the last thing typed, if it is a bare word not yet followed by a space, is a prefix.
  const lastToken = tokens[tokens.length - 1];
  const lastClause = include[include.length - 1];
  const lastTerm = lastClause?.[lastClause.length - 1];
  if (
    lastClause &&
    lastTerm?.kind === "word" &&
    !endsInSpace &&
    lastToken?.type === "unit" &&
    !lastToken.unit.negated &&
    lastToken.unit.words.length === 1 &&
    lastToken.unit.words[0] === lastTerm.word &&
    lastTerm.word.length >= MIN_PREFIX_CHARS
  ) {
    lastClause[lastClause.length - 1] = { ...lastTerm, prefix: true };
  }

  const includeExpr = include.map(clauseExpression);
  const excludeExpr = exclude.map(clauseExpression);
  const excludeMatch = excludeExpr.length
    ? excludeExpr.length === 1
      ? (excludeExpr[0] as string)
      : `(${excludeExpr.join(" OR ")})`
    : null;
  let match: string | null = null;
  if (includeExpr.length) {
    const positive = includeExpr.join(" AND ");
    match = excludeMatch ? `(${positive}) NOT ${excludeMatch}` : positive;
  }

  const expansions: ParsedQuery["expansions"] = [];
  for (const clause of [...include, ...exclude]) {
    for (const term of clause) {
      if (term.kind === "synonyms") {
        expansions.push({ typed: term.typed.join(" "), alternatives: term.group.map((g) => g.join(" ")) });
      }
    }
  }

  // Exclusions first, so the prefix word stays last and parsing the normalised text again gives the same query.
  // A multi-word synonym excluded is written hyphenated, so the minus covers all of it.
  const excludeText = (t: Term) => `-${t.kind === "synonyms" ? t.typed.join("-") : termText(t)}`;
  const normalized = [...exclude.map((c) => c.map(excludeText).join(" ")), ...include.map(clauseText)].join(" ");

  return { include, exclude, match, excludeMatch, normalized, expansions, truncated };
}
