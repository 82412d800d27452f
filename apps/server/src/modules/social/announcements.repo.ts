import { sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/**
 * The track's announcement, locked for the rest of the transaction (made on first use):
 * two runs of the job for one track take turns, the second finding where the first stopped.
 */
export async function lockAnnouncement(trx: Transaction<DB>, trackId: string) {
  await trx
    .insertInto("track_announcements")
    .values({ track_id: trackId })
    .onConflict((oc) => oc.column("track_id").doNothing())
    .execute();
  return trx
    .selectFrom("track_announcements")
    .select([
      "told",
      "finished_at",
      "last_follower_id",
      sql<string | null>`to_char(last_followed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        "last_followed_key",
      ),
    ])
    .where("track_id", "=", trackId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Records the last follower told (and how many were), and whether that was the end. */
export async function advanceAnnouncement(
  trx: Transaction<DB>,
  trackId: string,
  position: { followedKey: string; followerId: string } | null,
  told: number,
  finished: boolean,
) {
  await trx
    .updateTable("track_announcements")
    .set({
      told: sql<number>`told + ${told}`,
      ...(position && {
        last_followed_at: sql<Date>`${position.followedKey}::timestamptz`,
        last_follower_id: position.followerId,
      }),
      ...(finished && { finished_at: sql<Date>`now()` }),
    })
    .where("track_id", "=", trackId)
    .execute();
}
