import type {
  CreatorSummary,
  Page,
  PlaylistSummary,
  SearchQuery,
  SearchResponse,
  Suggestion,
  TrackSummary,
} from "@stave/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { decodeCursor, encodeCursor, malformedCursor } from "../../platform/http/cursor.ts";
import { loadPlaylistSummaries } from "../playlists/index.ts";
import { presentTrackSummary } from "../tracks/index.ts";
import {
  type Alternatives,
  allWords,
  type Corrections,
  correctedText,
  parseSearchText,
  type SearchTerms,
  toTsquery,
} from "./search.query.ts";
import {
  lookUpWords,
  searchCreators,
  searchOwnTracks,
  searchPlaylists,
  searchPublicTracks,
  type TrackHit,
} from "./search.repo.ts";

/**
 * Where search reads: public results may come from a replica; the caller's own tracks and
 * playlists come from the primary, so what they just uploaded or renamed is found at once.
 */
export interface SearchDatabases {
  forRead: Kysely<DB>;
  primary: Kysely<DB>;
}

/** Candidates to rank before settling on a popularity tier, so the first pages are stable. */
const ENOUGH_CANDIDATES = 100;
/** The popularity tiers, narrowest first, with the share of public tracks each holds. */
const TIERS = [
  { tier: 0, share: 0.002 },
  { tier: 1, share: 0.02 },
  { tier: 2, share: 0.2 },
  { tier: null, share: 1 },
] as const;

interface Plan {
  terms: SearchTerms;
  corrections: Corrections;
  alternatives: Alternatives;
  /** At most how many public tracks can match every word (from the word counts). */
  estimate: number;
  text: string;
}

/**
 * Looks the words up in the known-word table: a misspelt word gets its closest known word,
 * the word being typed its common completions, and their counts bound how many tracks can
 * match, which tells which popularity tier to start from.
 */
async function plan(db: Kysely<DB>, text: string): Promise<Plan | null> {
  const terms = parseSearchText(text);
  const words = allWords(terms);
  if (words.length === 0) return null;
  const typing = words.map((_, index) => terms.prefixLast && index === words.length - 1);
  const corrections = new Map<string, string>();
  const alternatives = new Map<number, string[]>();
  const documents: number[] = [];
  for (const [index, found] of (await lookUpWords(db, words, typing)).entries()) {
    const word = words[index] as string;
    if (found.completions.length > 0) {
      alternatives.set(index, [word, ...found.completions]);
      documents.push(found.completion_documents);
    } else if (found.documents === null && found.closest) {
      corrections.set(word, found.closest);
      alternatives.set(index, [word, found.closest]);
      documents.push(found.closest_documents);
    } else {
      documents.push(found.documents ?? 0);
    }
  }
  return { terms, corrections, alternatives, estimate: Math.min(...documents), text };
}

/** The offset a search cursor holds: a whole number of rows, else the cursor is refused (400). */
function offsetFrom(cursor: string | undefined): number {
  if (!cursor) return 0;
  const [offset] = decodeCursor(cursor, 1);
  // A tampered offset ("x", 1.5, -1, 1e300) would reach LIMIT as NaN or a fraction: a 500.
  if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) throw malformedCursor();
  return offset;
}

/** One page of an already ranked list that holds at least offset + limit + 1 rows if more exist. */
function pageOf<Row, Item>(rows: Row[], offset: number, limit: number, present: (rows: Row[]) => Item[]): Page<Item> {
  const slice = rows.slice(offset, offset + limit);
  return {
    items: present(slice),
    nextCursor: rows.length > offset + limit ? encodeCursor([offset + limit]) : null,
  };
}

/** Two ranked lists as one, without duplicates. */
function mergeRanked<T extends { id: string; score: number }>(a: T[], b: T[]): T[] {
  const seen = new Set<string>();
  return [...a, ...b]
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
}

async function rankTracks(
  dbs: SearchDatabases,
  search: { tsquery: string; text: string; genre?: string | undefined; tag?: string | undefined; take: number },
  estimate: number,
  viewerId: string | null,
) {
  const needed = Math.max(ENOUGH_CANDIDATES, search.take);
  // Tiers too narrow to hold enough matches, by the word counts, are not worth a query.
  const start = TIERS.findIndex(({ share }) => estimate * share >= needed);
  let hits: TrackHit[] = [];
  for (const { tier } of TIERS.slice(start === -1 ? TIERS.length - 1 : start)) {
    hits = await searchPublicTracks(dbs.forRead, search, tier);
    if ((hits[0]?.candidate_count ?? 0) >= needed) break;
  }
  if (viewerId === null) return hits;
  return mergeRanked(hits, await searchOwnTracks(dbs.primary, search, viewerId));
}

async function findTracks(dbs: SearchDatabases, plan: Plan, query: SearchQuery, viewerId: string | null) {
  const take = offsetFrom(query.cursor) + query.limit + 1;
  const search = (mode: "all" | "any") => ({
    tsquery: toTsquery(plan.terms, plan.alternatives, mode),
    text: plan.text,
    genre: query.genre,
    tag: query.tag,
    take,
  });
  const hits = await rankTracks(dbs, search("all"), plan.estimate, viewerId);
  // Nothing has every word: show what has some of them rather than nothing.
  if (hits.length === 0 && allWords(plan.terms).length > 1) {
    return rankTracks(dbs, search("any"), Number.POSITIVE_INFINITY, viewerId);
  }
  return hits;
}

async function findCreators(dbs: SearchDatabases, text: string, take: number) {
  return searchCreators(dbs.forRead, text, take);
}

async function findPlaylists(dbs: SearchDatabases, plan: Plan, take: number, viewerId: string | null) {
  const search = { tsquery: toTsquery(plan.terms, plan.alternatives, "all"), text: plan.text, take };
  const hits = await searchPlaylists(dbs.forRead, search, null);
  if (viewerId === null) return hits;
  return mergeRanked(hits, await searchPlaylists(dbs.primary, search, viewerId));
}

const presentCreator = (row: Awaited<ReturnType<typeof searchCreators>>[number]): CreatorSummary => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  trackCount: row.track_count,
});

const emptyPage = { items: [], nextCursor: null };

/** `GET /api/v1/search`: the sections `query.type` asks for, each ranked and paged. */
export async function searchCatalog(
  dbs: SearchDatabases,
  query: SearchQuery,
  viewerId: string | null,
): Promise<SearchResponse> {
  const wants = (type: SearchQuery["type"]) => query.type === "all" || query.type === type;
  const offset = offsetFrom(query.cursor);
  const take = offset + query.limit + 1;
  const searchPlan = await plan(dbs.forRead, query.q);
  const text = query.q;

  const [tracks, creators, playlists] = await Promise.all([
    wants("tracks") && searchPlan
      ? findTracks(dbs, searchPlan, query, viewerId).then((rows) =>
          pageOf(rows, offset, query.limit, (slice): TrackSummary[] => slice.map(presentTrackSummary)),
        )
      : null,
    wants("creators")
      ? findCreators(dbs, text, take).then((rows) =>
          pageOf(rows, offset, query.limit, (slice) => slice.map(presentCreator)),
        )
      : null,
    wants("playlists") && searchPlan
      ? findPlaylists(dbs, searchPlan, take, viewerId).then(async (rows) => {
          const page = pageOf(rows, offset, query.limit, (slice) => slice.map((row) => row.id));
          const items: PlaylistSummary[] = await loadPlaylistSummaries(
            viewerId === null ? dbs.forRead : dbs.primary,
            page.items,
            // Only an id: search lists, and staff powers list nothing more (visibility module).
            viewerId === null ? null : { userId: viewerId },
          );
          return { ...page, items };
        })
      : null,
  ]);
  return {
    query: query.q,
    correctedQuery: searchPlan ? correctedText(searchPlan.terms, searchPlan.corrections) : null,
    tracks: tracks ?? (wants("tracks") ? emptyPage : null),
    creators,
    playlists: playlists ?? (wants("playlists") ? emptyPage : null),
  };
}

/** What the search box offers while typing: creators first (few), then track titles. */
export async function suggest(dbs: SearchDatabases, text: string, limit: number): Promise<Suggestion[]> {
  const searchPlan = await plan(dbs.forRead, text);
  const creatorSlots = Math.min(3, Math.ceil(limit / 3));
  const [creators, tracks] = await Promise.all([
    findCreators(dbs, text, creatorSlots),
    searchPlan
      ? rankTracks(
          dbs,
          { tsquery: toTsquery(searchPlan.terms, searchPlan.alternatives, "all"), text, take: limit },
          searchPlan.estimate,
          null,
        )
      : [],
  ]);
  const creatorSuggestions: Suggestion[] = creators.map((row) => ({
    kind: "creator",
    id: row.id,
    username: row.username,
    displayName: row.display_name,
  }));
  const trackSuggestions: Suggestion[] = tracks.map((row) => ({
    kind: "track",
    id: row.id,
    title: row.title,
    ownerUsername: row.owner_username,
    ownerDisplayName: row.owner_display_name,
  }));
  return [...creatorSuggestions, ...trackSuggestions.slice(0, limit - creatorSuggestions.length)];
}
