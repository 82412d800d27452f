// The fixed query mix of bench/search: 200 each of exact titles, typo'd words, prefixes,
// multi-word fragments and common words, made deterministically from the seeded titles and
// the vocabulary, then shuffled.
import type pg from "pg";
import { buildVocabulary, createRandom, fold, type Random } from "./data.ts";

export const CATEGORIES = ["exact", "typo", "prefix", "multi-word", "common"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface BenchQuery {
  category: Category;
  q: string;
  /** For exact titles: the title, to check it is among the results. */
  title?: string;
}

/** How a person types: lower case, and half the time without the accents. */
const typed = (random: Random, text: string) => (random.chance(0.5) ? fold(text) : text.toLowerCase());

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One edit: drop a letter, swap two neighbours, or replace one. */
function typo(random: Random, word: string): string {
  const letters = [...word];
  const at = random.int(1, letters.length - 2);
  const kind = random.int(0, 2);
  if (kind === 0) letters.splice(at, 1);
  else if (kind === 1) [letters[at], letters[at + 1]] = [letters[at + 1] as string, letters[at] as string];
  else letters[at] = LETTERS[(LETTERS.indexOf(letters[at] as string) + random.int(1, 25)) % 26] as string;
  return letters.join("");
}

/** Public titles, a deterministic sample (ids are deterministic, so ORDER BY id is too). */
export async function sampleTitles(client: pg.Client | pg.Pool, count: number): Promise<string[]> {
  const { rows } = await client.query<{ title: string }>(
    `SELECT title FROM tracks WHERE visibility = 'public' AND status = 'ready' ORDER BY id LIMIT $1`,
    [count],
  );
  return rows.map((row) => row.title);
}

/** `perCategory` queries of each category, shuffled; `seed` tells the measured set from the warm-up set. */
export function buildQueryMix(titles: string[], perCategory: number, seed: string): BenchQuery[] {
  const random = createRandom(seed);
  const vocabulary = buildVocabulary();
  const known = new Set(vocabulary.words.map(fold));
  const titleWords = (title: string) => title.split(" ");
  const pickTitle = (minWords: number) => {
    for (;;) {
      const title = random.pick(titles);
      if (titleWords(title).length >= minWords) return title;
    }
  };
  /** A word from a real title (so words come Zipf-distributed), at least `minLength` long. */
  const pickWord = (minLength: number) => {
    for (;;) {
      const word = random.pick(titleWords(random.pick(titles)));
      if (fold(word).length >= minLength) return word;
    }
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perCategory; i++) {
    const title = pickTitle(1);
    queries.push({ category: "exact", q: title, title });

    // Half a lone misspelt word, half a misspelt word among its title's neighbours.
    let misspelt: string;
    let word: string;
    do {
      word = fold(pickWord(5));
      misspelt = typo(random, word);
    } while (known.has(misspelt));
    if (random.chance(0.5)) queries.push({ category: "typo", q: misspelt });
    else {
      const context = titleWords(pickTitle(2))
        .slice(0, 2)
        .map((w) => typed(random, w));
      context.splice(random.int(0, context.length), 0, misspelt);
      queries.push({ category: "typo", q: context.join(" ") });
    }

    const prefixOf = typed(random, pickWord(6));
    queries.push({ category: "prefix", q: prefixOf.slice(0, random.int(3, 5)) });

    const long = titleWords(pickTitle(3));
    const length = random.int(2, Math.min(3, long.length - 1));
    const start = random.int(0, long.length - length);
    queries.push({ category: "multi-word", q: typed(random, long.slice(start, start + length).join(" ")) });

    queries.push({ category: "common", q: (vocabulary.words[i % 20] as string).toLowerCase() });
  }
  for (let i = queries.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [queries[i], queries[j]] = [queries[j] as BenchQuery, queries[i] as BenchQuery];
  }
  return queries;
}
