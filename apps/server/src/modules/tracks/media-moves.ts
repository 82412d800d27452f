import type { Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { announceRevokedMedia } from "./media-revocation.ts";
import { findHlsPrefix, lockRevocableTracksOf, lockTrackVersion, recordHlsPrefix } from "./published-media.repo.ts";
import { newMediaVersion, type TracksContext, trackKeys } from "./tracks.context.ts";

interface Move {
  trackId: string;
  from: string;
  to: string;
}

/**
 * What moving media needs: the storage, this process's media cache, and the primary (to tell,
 * after a failure, whether the move was recorded). A process that serves no media (the `stave
 * admin` command) passes an empty cache: the API processes hear of the move by NOTIFY.
 */
export type MediaMoverDeps = Pick<TracksContext, "database" | "storage" | "logger" | "mediaCache">;

/**
 * Revokes every media URL signed for a track: its published HLS moves to a fresh version
 * prefix, so the old signed paths 404 wherever they are served (nginx reading the disk, a CDN
 * after its cache time, Node's media route), and a newly signed URL names the new prefix. The
 * one way Stave revokes media (takedown, suspension of the owner, a track turning private):
 * the move happens inside the database transaction that records it, before it commits (so
 * the old URLs stop working before anyone is told they do); if that transaction does not
 * commit, `undo` moves the files back.
 */
export class MediaMoves {
  private readonly moves: Move[] = [];

  constructor(private readonly deps: MediaMoverDeps) {}

  /** Moves the published version away and returns the prefix to record in the same transaction. */
  async revoke(trx: Transaction<DB>, trackId: string, from: string): Promise<string> {
    const to = `${trackKeys.hlsRoot(trackId)}${newMediaVersion()}/`;
    await this.deps.storage.movePrefix(from, to);
    this.moves.push({ trackId, from, to });
    // Delivered to every API process when the transaction commits (and dropped if it does not).
    await announceRevokedMedia(trx, from);
    // This process forgets the old version now rather than when its own NOTIFY comes back.
    // Nothing can bring it back into the cache: the files are no longer under that prefix.
    this.deps.mediaCache.evictPrefix(from);
    return to;
  }

  /**
   * Before a track's visibility is set to `visibility`: when that turns it private, revokes its
   * URLs and records its new prefix. Decided on the row as locked here, never as the caller
   * loaded it: a change to private that loaded the track private while another request was
   * making it public would otherwise skip the revocation, and URLs signed while it was public
   * would keep working. False when there is nothing to revoke (not turning private, not
   * published, or taken down, which revoked them already).
   */
  async revokeTrack(trx: Transaction<DB>, trackId: string, visibility: string): Promise<boolean> {
    if (visibility !== "private") return false;
    const track = await lockTrackVersion(trx, trackId);
    if (!track?.hls_prefix || track.visibility === "private" || track.taken_down_at !== null) return false;
    await recordHlsPrefix(trx, trackId, await this.revoke(trx, trackId, track.hls_prefix));
    return true;
  }

  /** Revokes the URLs of every track of an owner (a suspension); returns how many were published. */
  async revokeTracksOf(trx: Transaction<DB>, ownerId: string): Promise<number> {
    const tracks = await lockRevocableTracksOf(trx, ownerId);
    for (const track of tracks) {
      if (track.hls_prefix) await recordHlsPrefix(trx, track.id, await this.revoke(trx, track.id, track.hls_prefix));
    }
    return tracks.length;
  }

  /**
   * After a failed transaction. The row is asked first: a commit whose acknowledgement was
   * lost did record the new prefix, and moving the files back would strand the track.
   */
  async undo() {
    for (const move of this.moves.reverse()) {
      try {
        const recorded = await findHlsPrefix(this.deps.database.primary, move.trackId);
        if (recorded !== move.to) await this.deps.storage.movePrefix(move.to, move.from);
      } catch (error) {
        this.deps.logger.error(
          { err: error, trackId: move.trackId, from: move.from, to: move.to },
          "could not move a track's media back after a failed revocation; move it by hand",
        );
      }
    }
  }
}

/**
 * Runs `work` in one transaction on the primary with a mover: if the transaction fails, the
 * media it moved goes back where it was.
 */
export async function inTransactionWithMediaMoves<T>(
  deps: MediaMoverDeps,
  work: (trx: Transaction<DB>, media: MediaMoves) => Promise<T>,
): Promise<T> {
  const media = new MediaMoves(deps);
  try {
    return await deps.database.primary.transaction().execute((trx) => work(trx, media));
  } catch (error) {
    await media.undo();
    throw error;
  }
}
