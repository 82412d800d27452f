/**
 * What the user typed, as search terms: words, quoted phrases, and whether the last word is
 * still being typed (then it also matches as a prefix). Pure, so the rules are testable
 * without a database; search.repo.ts turns the terms into a tsquery.
 */
export interface SearchTerms {
  /** Groups of words; a group of more than one came from a quoted phrase. */
  groups: string[][];
  /** The last word matches as a prefix ("daft pun" finds "Daft Punk"). */
  prefixLast: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** More words than this say nothing more, and would only make the query slower. */
const MAX_WORDS = 8;

export function parseSearchText(text: string): SearchTerms {
  const groups: string[][] = [];
  let count = 0;
  // Odd-numbered pieces between double quotes are phrases; an unclosed quote still counts.
  text.split('"').forEach((piece, index) => {
    const words = (piece.toLowerCase().match(WORD) ?? []).slice(0, MAX_WORDS - count);
    count += words.length;
    if (words.length === 0) return;
    if (index % 2 === 1) groups.push(words);
    else groups.push(...words.map((word) => [word]));
  });
  const closedPhraseAtEnd = /"\s*$/.test(text) && (text.match(/"/g)?.length ?? 0) % 2 === 0;
  return { groups, prefixLast: groups.length > 0 && !closedPhraseAtEnd };
}

export const allWords = (terms: SearchTerms) => terms.groups.flat();

/** Spelling fixes: word → the known word to search as well. */
export type Corrections = ReadonlyMap<string, string>;

/**
 * The lexemes each word (by its position in `allWords`) may match: itself, its correction,
 * or for the word being typed its most common known completions. Spelling completions out
 * keeps the GIN index fast: a `word:*` prefix makes it gather every match of every word
 * with that prefix before it can intersect.
 */
export type Alternatives = ReadonlyMap<number, readonly string[]>;

const quote = (word: string) => `'${word.replace(/'/g, "''")}'`;

/**
 * A tsquery in text form: phrases with `<->`, every other word required (`&`), or any
 * (`|`) for the fallback when requiring all finds nothing.
 */
export function toTsquery(terms: SearchTerms, alternatives: Alternatives, mode: "all" | "any"): string {
  let index = -1;
  const term = (word: string) => {
    index += 1;
    const lexemes = [...new Set(alternatives.get(index) ?? [word])].map(quote);
    return lexemes.length > 1 ? `(${lexemes.join(" | ")})` : (lexemes[0] as string);
  };
  const groups = terms.groups.map((group) => {
    const parts = group.map(term);
    return parts.length > 1 ? `(${parts.join(" <-> ")})` : (parts[0] as string);
  });
  return groups.join(mode === "all" ? " & " : " | ");
}

/** The query as searched after corrections, for "Showing results for …"; null if none applied. */
export function correctedText(terms: SearchTerms, corrections: Corrections): string | null {
  const words = allWords(terms);
  if (!words.some((word) => corrections.has(word))) return null;
  return terms.groups
    .map((group) => {
      const text = group.map((word) => corrections.get(word) ?? word).join(" ");
      return group.length > 1 ? `"${text}"` : text;
    })
    .join(" ");
}
