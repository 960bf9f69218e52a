/** A taxonomy page built from content/taxonomy/<kind>.md: plain-words explanations of one enumeration's values. */
export interface TaxonomyPage {
  kind: string;
  title: string;
  intro_html: string;
  /** Enumeration value → sanitised HTML explanation. */
  entries: Record<string, string>;
}
