import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";
import { defineJob } from "../../platform/jobs/index.ts";
import { listedTrackRule } from "../visibility/index.ts";

declare module "../../platform/jobs/types.ts" {
  interface JobPayloads {
    "search.refresh": Record<string, never>;
  }
}

/**
 * Re-ranks public tracks into popularity tiers (see 0007_search.sql) and recounts the word
 * table. Popularity is plays, with a boost that fades over a new track's first weeks so
 * new music can surface before it has an audience. Only rows whose tier changes are
 * written, so an hourly run on a settled catalogue touches little.
 */
export async function refreshSearchIndex(db: Kysely<DB>) {
  // What search lists is the visibility module's rule; ts_stat takes it as SQL text.
  const listed = listedTrackRule.sql(null, { track: "tracks" });
  const listedText = listed.compile(db);
  if (listedText.parameters.length > 0) throw new Error("the listed-track rule must compile to literals only");
  await sql`
    WITH ranked AS (
      SELECT id,
             row_number() OVER (
               ORDER BY ln(1 + play_count) + 3 * exp(-extract(epoch FROM now() - created_at) / 1209600) DESC, id
             )::float8 / count(*) OVER () AS share
        FROM tracks
       WHERE ${listed}
    ), tiered AS (
      SELECT id,
             (CASE WHEN share <= 0.002 THEN 0 WHEN share <= 0.02 THEN 1 WHEN share <= 0.2 THEN 2 ELSE 3 END)::smallint AS tier
        FROM ranked
    )
    UPDATE tracks t SET search_tier = tiered.tier
      FROM tiered
     WHERE t.id = tiered.id AND t.search_tier <> tiered.tier`.execute(db);
  // Tracks no longer public keep no tier (they are outside the index anyway).
  await sql`
    UPDATE tracks SET search_tier = 3
     WHERE search_tier <> 3 AND NOT ${listed}`.execute(db);
  await sql`
    WITH fresh AS (
      SELECT word, ndoc FROM ts_stat(
        $$SELECT search_document FROM tracks WHERE ${sql.raw(listedText.sql)}$$, 'ABC'
      ) WHERE length(word) <= 60
    ), upserted AS (
      INSERT INTO search_words (word, documents) SELECT word, ndoc FROM fresh
      ON CONFLICT (word) DO UPDATE SET documents = excluded.documents
       WHERE search_words.documents <> excluded.documents
    )
    DELETE FROM search_words w WHERE NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.word = w.word)`.execute(db);
}

export function searchJobs(deps: { database: Database }) {
  return {
    "search.refresh": defineJob({
      name: "search.refresh",
      payload: z.object({}).strict(),
      cron: "7 * * * *",
      maxAttempts: 3,
      timeoutSeconds: 1800,
      async handle() {
        await refreshSearchIndex(deps.database.primary);
      },
    }),
  };
}
