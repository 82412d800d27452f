import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { TrackSummaryRow } from "../tracks/index.ts";
import { trackSummaryColumns } from "../tracks/index.ts";
import { listedPlaylistRule, listedTrackRule, profileRule } from "../visibility/index.ts";

/**
 * The SQL of search. Every query asks a GIN index for its candidates and ranks a bounded
 * set of them: ranking every match of a common word is what makes naive search slow.
 */

/** At most this many matches are ranked per query. */
const CANDIDATE_CAP = 300;
/** Tracks titled exactly as typed always join the candidates, however common their words. */
const EXACT_TITLE_CAP = 50;

export type Scored<T> = T & { score: number };

/** How many completions of the word being typed are searched (the most common ones). */
const COMPLETIONS = 12;

export interface WordLookup {
  /** Documents (public tracks) whose title, names, genre or tags have the word; null if none. */
  documents: number | null;
  /** For a word being typed: known words it starts, most common first. */
  completions: string[];
  completion_documents: number;
  /** For an unknown word: the most similar known word. */
  closest: string | null;
  closest_documents: number;
}

/** One round trip for every word of the query: its count, completions or closest known word. */
export async function lookUpWords(db: Kysely<DB>, words: string[], typing: boolean[]) {
  const { rows } = await sql<WordLookup>`
    SELECT exact.documents,
           coalesce(completions.words, '{}') AS completions,
           coalesce(completions.documents, 0)::int AS completion_documents,
           closest.word AS closest,
           coalesce(closest.documents, 0) AS closest_documents
      FROM unnest(${words}::text[], ${typing}::boolean[]) WITH ORDINALITY AS input(word, typing, position)
     CROSS JOIN LATERAL (SELECT stave_fold(input.word) COLLATE "C" AS folded) f
      LEFT JOIN LATERAL (SELECT w.documents FROM search_words w WHERE w.word = f.folded) exact ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(top.word ORDER BY top.documents DESC, top.word) AS words, sum(top.documents) AS documents
          FROM (
            SELECT w.word, w.documents FROM search_words w
             WHERE input.typing AND w.word >= f.folded AND w.word < f.folded || chr(1114111)
             ORDER BY w.documents DESC, w.word
             LIMIT ${COMPLETIONS}
          ) top
      ) completions ON true
      LEFT JOIN LATERAL (
        SELECT w.word, w.documents FROM search_words w
         WHERE exact.documents IS NULL AND completions.words IS NULL AND w.word % f.folded
         ORDER BY similarity(w.word, f.folded) DESC, w.documents DESC, w.word
         LIMIT 1
      ) closest ON true
     ORDER BY input.position`.execute(db);
  return rows;
}

/** `value%` with LIKE's wildcards in value escaped. */
function likePrefix(value: RawBuilder<unknown>) {
  return sql`replace(replace(replace(${value}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
}

export interface TrackSearch {
  /** tsquery text, see search.query.ts. */
  tsquery: string;
  /** The whole query as typed, for the exact-title bonus. */
  text: string;
  genre?: string | undefined;
  tag?: string | undefined;
  /** How many ranked rows to return. */
  take: number;
}

export type TrackHit = Scored<TrackSummaryRow> & { candidate_count: number };

/** What a result shows: never the waveform or the search document, which only weigh. */
const summaryColumns = sql.raw(trackSummaryColumns.join(", "));

/**
 * Relevance (title > creator > tags > description, closeness of the words) weighed by
 * popularity and recency; an exact title comes first.
 */
const trackScore = (query: RawBuilder<unknown>, text: string) => sql<number>`(
  ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', t.search_document, ${query})
    * (1 + ln(1 + t.play_count) / 5)
    * (1 + exp(-extract(epoch FROM now() - t.created_at) / 2592000))
  + CASE WHEN stave_fold(t.title) = stave_fold(${text}) THEN 1 ELSE 0 END
)`;

const tsquery = (text: string) => sql`to_tsquery('stave_search', ${text})`;

function trackFilters(search: TrackSearch) {
  return sql.join(
    [
      sql`true`,
      ...(search.genre ? [sql`lower(t.genre) = lower(${search.genre})`] : []),
      ...(search.tag ? [sql`t.tags @> ARRAY[${search.tag}]::text[]`] : []),
    ],
    sql` AND `,
  );
}

const rankedTracks = (candidates: RawBuilder<unknown>, search: TrackSearch) => sql<TrackHit>`
  WITH candidates AS (${candidates})
  SELECT ${summaryColumns},
         ${trackScore(tsquery(search.tsquery), search.text)} AS score,
         count(*) OVER ()::int AS candidate_count
    FROM candidates c
    JOIN tracks t ON t.id = c.id
    JOIN users tu ON tu.id = t.owner_id
    JOIN user_profiles tp ON tp.user_id = t.owner_id
   ORDER BY score DESC, t.id
   LIMIT ${search.take}`;

/**
 * Public tracks matching the query among the popularity tier given (0 = the top 0.2 %,
 * 1 = 2 %, 2 = 20 %, null = all), ranked. The caller widens the tier until
 * `candidate_count` is enough.
 */
export async function searchPublicTracks(db: Kysely<DB>, search: TrackSearch, tier: 0 | 1 | 2 | null) {
  const listed = listedTrackRule.sql(null);
  const match =
    tier === null ? tsquery(search.tsquery) : sql`(${tsquery(search.tsquery)} && ${`'~tier${tier}'`}::tsquery)`;
  const candidates = sql`
    (SELECT t.id FROM tracks t
      WHERE ${listed} AND t.search_document @@ ${match}
        AND ${trackFilters(search)}
      LIMIT ${CANDIDATE_CAP})
    UNION
    (SELECT t.id FROM tracks t
      WHERE ${listed} AND stave_fold(t.title) = stave_fold(${search.text})
        AND ${trackFilters(search)}
      LIMIT ${EXACT_TITLE_CAP})`;
  const { rows } = await rankedTracks(candidates, search).execute(db);
  return rows;
}

/** The caller's own tracks matching the query, in any state or visibility. */
export async function searchOwnTracks(db: Kysely<DB>, search: TrackSearch, ownerId: string) {
  const candidates = sql`
    SELECT t.id FROM tracks t
     WHERE t.owner_id = ${ownerId} AND t.search_document @@ ${tsquery(search.tsquery)}
       AND ${trackFilters(search)}
     LIMIT ${CANDIDATE_CAP}`;
  const { rows } = await rankedTracks(candidates, search).execute(db);
  return rows;
}

export interface CreatorHit {
  id: string;
  username: string;
  display_name: string | null;
  track_count: number;
  score: number;
}

/**
 * Creators (a creator role, or anyone with a public track) whose username or display name
 * is like the text: similar (typos), starting with it, or containing it as words.
 */
export async function searchCreators(db: Kysely<DB>, text: string, take: number) {
  const folded = sql`stave_fold(${text})`;
  const { rows } = await sql<CreatorHit>`
    WITH matches AS (
      SELECT id FROM users WHERE username % ${folded} OR username LIKE ${likePrefix(folded)}
      UNION
      SELECT user_id FROM user_profiles
       WHERE ${folded} <% stave_fold(display_name) OR stave_fold(display_name) LIKE ${likePrefix(folded)}
    ), named AS (
      SELECT u.id, u.username, u.role, p.display_name,
             greatest(
               similarity(u.username, ${folded}),
               word_similarity(${folded}, stave_fold(p.display_name)),
               CASE WHEN u.username LIKE ${likePrefix(folded)}
                      OR stave_fold(p.display_name) LIKE ${likePrefix(folded)} THEN 0.9 ELSE 0 END
             ) AS similarity
        FROM matches m
        JOIN users u ON u.id = m.id
        JOIN user_profiles p ON p.user_id = u.id
       WHERE ${profileRule.sql(null)}
       ORDER BY similarity DESC, u.id
       LIMIT ${CANDIDATE_CAP}
    )
    SELECT s.id, s.username, s.display_name, stats.track_count,
           s.similarity * (1 + ln(1 + stats.plays) / 10) AS score
      FROM named s
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS track_count, coalesce(sum(play_count), 0) AS plays
         FROM tracks WHERE owner_id = s.id AND ${listedTrackRule.sql(null, { track: "tracks" })}
     ) stats
     WHERE stats.track_count > 0 OR s.role IN ('creator', 'artist', 'producer', 'label')
     ORDER BY score DESC, s.id
     LIMIT ${take}`.execute(db);
  return rows;
}

export interface PlaylistHit {
  id: string;
  score: number;
}

const playlistScore = (query: RawBuilder<unknown>, text: string) => sql<number>`(
  ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', pl.search_document, ${query})
  + similarity(stave_fold(pl.title), stave_fold(${text})) / 2
)`;

/** Public playlists not taken down (with `ownerId`, that owner's: all of them) by words or a title like the text. */
export async function searchPlaylists(
  db: Kysely<DB>,
  search: { tsquery: string; text: string; take: number },
  ownerId: string | null,
) {
  const query = tsquery(search.tsquery);
  const matches = sql`(pl.search_document @@ ${query} OR stave_fold(pl.title) % stave_fold(${search.text}))`;
  const scope = ownerId === null ? listedPlaylistRule.sql(null, { playlist: "pl" }) : sql`pl.owner_id = ${ownerId}`;
  const { rows } = await sql<PlaylistHit>`
    WITH candidates AS (
      SELECT pl.id FROM playlists pl WHERE ${scope} AND ${matches} LIMIT ${CANDIDATE_CAP}
    )
    SELECT pl.id, ${playlistScore(query, search.text)} AS score
      FROM candidates c JOIN playlists pl ON pl.id = c.id
     ORDER BY score DESC, pl.id
     LIMIT ${search.take}`.execute(db);
  return rows;
}
