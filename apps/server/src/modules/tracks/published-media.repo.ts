import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/** The track's current published prefix (to tell whether a moved-away version was committed). */
export async function findHlsPrefix(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom("tracks").select("hls_prefix").where("id", "=", id).executeTakeFirst();
  return row?.hls_prefix ?? null;
}

/**
 * The published HLS versions that signed URLs can name, for revoking them. FOR NO KEY UPDATE,
 * as a takedown locks its track (lockTrackForTakedown), so a takedown and a suspension or a change to
 * private never move one version twice at once; ordered by id, so two of them lock alike.
 */
export async function lockRevocableTracksOf(trx: Transaction<DB>, ownerId: string) {
  return (
    trx
      .selectFrom("tracks")
      .select(["id", "hls_prefix"])
      .where("owner_id", "=", ownerId)
      .where("hls_prefix", "is not", null)
      // A takedown already revoked its URLs, and a taken-down track is never signed again.
      .where("taken_down_at", "is", null)
      .orderBy("id")
      .forNoKeyUpdate()
      .execute()
  );
}

/** One track's published version and visibility, locked as above. */
export async function lockTrackVersion(trx: Transaction<DB>, trackId: string) {
  return trx
    .selectFrom("tracks")
    .select(["id", "hls_prefix", "visibility", "taken_down_at"])
    .where("id", "=", trackId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** Records where a track's published version now is. */
export async function recordHlsPrefix(db: Kysely<DB>, trackId: string, hlsPrefix: string) {
  await db
    .updateTable("tracks")
    .set({ hls_prefix: hlsPrefix, updated_at: sql<Date>`now()` })
    .where("id", "=", trackId)
    .execute();
}
