import type { Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { announceRevokedMedia } from "../streaming/media-revocation.ts";
import type { TracksContext } from "../tracks/tracks.context.ts";
import { newMediaVersion, trackKeys } from "../tracks/tracks.context.ts";
import { findHlsPrefix } from "./takedowns.repo.ts";

interface Move {
  trackId: string;
  from: string;
  to: string;
}

/**
 * Revokes every media URL signed for a track: its published HLS moves to a fresh version
 * prefix, so the old signed paths 404 wherever they are served (nginx reading the disk, a CDN
 * after its cache time, Node's media route), and a newly signed URL, once restored, names
 * the new prefix. The move happens inside the database transaction that records it; if
 * that transaction does not commit, `undo` moves the files back.
 */
export class MediaMoves {
  private readonly moves: Move[] = [];

  constructor(private readonly tracks: TracksContext) {}

  /** Moves the published version away and returns the prefix to record in the same transaction. */
  async revoke(trx: Transaction<DB>, trackId: string, from: string): Promise<string> {
    const to = `${trackKeys.hlsRoot(trackId)}${newMediaVersion()}/`;
    await this.tracks.storage.movePrefix(from, to);
    this.moves.push({ trackId, from, to });
    // Delivered to every API process when the transaction commits (and dropped if it does not).
    await announceRevokedMedia(trx, from);
    // This process forgets the old version now rather than when its own NOTIFY comes back.
    // Nothing can bring it back into the cache: the files are no longer under that prefix.
    this.tracks.mediaCache.evictPrefix(from);
    return to;
  }

  /**
   * After a failed transaction. The row is asked first: a commit whose acknowledgement was
   * lost did record the new prefix, and moving the files back would strand the track.
   */
  async undo() {
    for (const move of this.moves.reverse()) {
      try {
        const recorded = await findHlsPrefix(this.tracks.database.primary, move.trackId);
        if (recorded !== move.to) await this.tracks.storage.movePrefix(move.to, move.from);
      } catch (error) {
        this.tracks.logger.error(
          { err: error, trackId: move.trackId, from: move.from, to: move.to },
          "could not move a track's media back after a failed takedown; move it by hand",
        );
      }
    }
  }
}
