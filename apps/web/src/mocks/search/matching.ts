/**
 * The mocked server's idea of matching, close enough to PostgreSQL's unaccent + full text
 * search for stories and tests: accent- and case-insensitive words, the last one also as a
 * prefix, "quoted phrases" in order, and a misspelt word swapped for the nearest known one.
 */

/** Lower case without accents: "Für Élise" → "fur elise". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export type ParsedQuery = {
  /** Loose words; the last of them also matches as a prefix (search as you type). */
  words: string[];
  /** Words that must appear together, in this order. */
  phrases: string[][];
};

export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  const loose = query.replace(/"([^"]*)"?/g, (_match, phrase: string) => {
    const words = wordsOf(phrase);
    if (words.length > 0) phrases.push(words);
    return " ";
  });
  return { words: wordsOf(loose), phrases };
}

/** What one result is searched by: its fields' words, field by field (a phrase never spans two). */
export type Searchable = readonly (readonly string[])[];

export function searchableOf(...fields: readonly (string | null | undefined)[]): Searchable {
  return fields.filter((field): field is string => Boolean(field)).map(wordsOf);
}

function hasPhrase(field: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= field.length; start += 1) {
    if (phrase.every((word, offset) => field[start + offset] === word)) return true;
  }
  return false;
}

function wordMatches(field: readonly string[], word: string, asPrefix: boolean): boolean {
  return field.some((candidate) => candidate === word || (asPrefix && candidate.startsWith(word)));
}

/** True when every word and phrase of `query` is found in `item`. */
export function matches(item: Searchable, query: ParsedQuery): boolean {
  if (query.words.length === 0 && query.phrases.length === 0) return false;
  const last = query.words.length - 1;
  return (
    query.words.every((word, index) => item.some((field) => wordMatches(field, word, index === last))) &&
    query.phrases.every((phrase) => item.some((field) => hasPhrase(field, phrase)))
  );
}

/** True when the query's words all match the item's first field (a track's title, a creator's name). */
export function matchesFirstField(item: Searchable, query: ParsedQuery): boolean {
  const first = item[0];
  return first !== undefined && matches([first], query);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The query with each unknown loose word replaced by the nearest word in `vocabulary`
 * (one edit for short words, two for longer ones), or null when nothing needed fixing.
 */
export function correctQuery(query: string, vocabulary: ReadonlySet<string>): string | null {
  const { words } = parseQuery(query);
  const last = words.length - 1;
  const known = (word: string, index: number) =>
    vocabulary.has(word) || (index === last && [...vocabulary].some((candidate) => candidate.startsWith(word)));
  const corrections = new Map<string, string>();
  words.forEach((word, index) => {
    if (word.length < 4 || known(word, index)) return;
    const allowed = word.length <= 5 ? 1 : 2;
    let best: { word: string; distance: number } | undefined;
    for (const candidate of [...vocabulary].sort()) {
      const distance = editDistance(word, candidate);
      if (distance <= allowed && (!best || distance < best.distance)) best = { word: candidate, distance };
    }
    if (best) corrections.set(word, best.word);
  });
  if (corrections.size === 0) return null;
  return fold(query)
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word) ?? word);
}
