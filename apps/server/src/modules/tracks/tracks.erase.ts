import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { enqueue } from "../../platform/jobs/index.ts";
import { listedTrackRule } from "../visibility/index.ts";

/**
 * Deletes the tracks of an account deleted at once, in the deletion's transaction: all of
 * them, or all but the publicly listed ones when the owner keeps those. Their media goes by
 * a job enqueued with the deletion, so none is left behind if this process dies. Returns how
 * many were deleted.
 */
export async function eraseTracksOf(
  trx: Kysely<DB>,
  userId: string,
  { keepPublicTracks }: { keepPublicTracks: boolean },
): Promise<number> {
  const doomedTracks = await trx
    .selectFrom("tracks")
    .select("id")
    .where("owner_id", "=", userId)
    .$if(keepPublicTracks, (query) =>
      // Kept: what is publicly listed (the visibility module's rule); everything else goes.
      query.where((eb) => eb.not(listedTrackRule.sql(null, { track: "tracks" }))),
    )
    .execute();
  for (const { id } of doomedTracks) await enqueue(trx, "tracks.delete_media", { trackId: id });
  if (doomedTracks.length > 0) {
    await trx
      .deleteFrom("tracks")
      .where(
        "id",
        "in",
        doomedTracks.map((track) => track.id),
      )
      .execute();
  }
  return doomedTracks.length;
}
