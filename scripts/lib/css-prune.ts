/**
 * Keeps the rules of a stylesheet that can match some markup: the embed frames load the site's stylesheet reduced to
 * the rules whose classes and ids their markup can carry (a frame has no navigation, search, briefs or gap map), so
 * a frame downloads about half the CSS. Conservative by construction:
 *   - the words a frame's markup can carry are every word of the code that renders it (the server's embed views and
 *     the calculators' browser bundles, which render the same components), so a class named anywhere in that code
 *     is kept, even in a branch the default page never takes;
 *   - a word ending in "-" (a class built as `grade-${grade}`) keeps every class that starts with it;
 *   - a rule is kept when ANY selector of its list may match, and an at-rule keeps its block's rules by the same test
 *     (an emptied block goes); element, attribute and pseudo selectors never drop a rule.
 * The stylesheet is the site's own (src/views/styles.ts): flat rules and one level of @media, no strings holding
 * braces, which `splitRules` relies on (it throws on unbalanced braces).
 */

/** The words of some code: every run of letters, digits, `_` and `-`. */
export function wordsOf(...texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const [word] of text.matchAll(/[A-Za-z0-9_-]+/g)) words.add(word);
  return words;
}

/** True when the class or id `name` may be carried by markup rendered from code with these words. */
function mayOccur(name: string, words: ReadonlySet<string>, prefixes: readonly string[]): boolean {
  return words.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
}

/** True when a selector (one item of a selector list) may match: each of its classes and ids may occur. */
function selectorMayMatch(selector: string, words: ReadonlySet<string>, prefixes: readonly string[]): boolean {
  // `:not(.x)` matches more when .x never occurs, so what is inside it cannot drop a rule.
  const names = [...selector.replace(/\[[^\]]*\]|:not\([^)]*\)/g, "").matchAll(/[.#](-?[A-Za-z_][A-Za-z0-9_-]*)/g)].map(
    (m) => m[1],
  );
  return names.every((name) => mayOccur(name as string, words, prefixes));
}

interface Rule {
  prelude: string;
  body: string;
}

/** The top-level rules of a stylesheet as prelude and the text between its braces. */
export function splitRules(css: string): Rule[] {
  const rules: Rule[] = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === "}") {
      depth--;
      if (depth < 0) throw new Error(`css-prune: an unmatched "}" at ${i}`);
      if (depth === 0) {
        rules.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    }
  }
  if (depth !== 0) throw new Error("css-prune: an unclosed block");
  if (css.slice(start).trim()) throw new Error(`css-prune: text after the last rule: ${css.slice(start).trim()}`);
  return rules;
}

/** The stylesheet with only the rules whose selectors may match markup rendered from code with these words. */
export function pruneCss(css: string, words: ReadonlySet<string>): string {
  const prefixes = [...words].filter((w) => w.endsWith("-") && w.length > 2);
  const keep = (rules: readonly Rule[]): string =>
    rules
      .flatMap((rule) => {
        if (rule.prelude.startsWith("@")) {
          // @media and friends: their inner rules are pruned; a block left empty goes.
          if (!/^@(media|supports)\b/.test(rule.prelude)) return [`${rule.prelude}{${rule.body}}`];
          const inner = keep(splitRules(rule.body));
          return inner ? [`${rule.prelude}{${inner}}`] : [];
        }
        const selectors = rule.prelude.split(",");
        return selectors.some((s) => selectorMayMatch(s, words, prefixes)) ? [`${rule.prelude}{${rule.body}}`] : [];
      })
      .join("\n");
  // Comments go first: a comment before a rule would otherwise read as part of its selector.
  return keep(splitRules(css.replace(/\/\*[\s\S]*?\*\//g, "")));
}
