import { type ExportSource, exporter, isoTime, rowsByKey } from "../../platform/personal-data/exporter.ts";
import { trackOwnColumns } from "./track-columns.ts";

/** Where a track's uploaded original lies in the archive: `tracks/<id>-<slug>.<format>`. */
const originalFileName = (track: { id: string; slug: string; original_format: string }) =>
  `tracks/${track.id}-${track.slug}.${track.original_format.replace(/[^a-z0-9]/gi, "") || "audio"}`;

/** All the user's tracks, whatever their state or visibility: they are theirs. Oldest first. */
function ownTracks(userId: string, source: ExportSource) {
  return rowsByKey(
    source,
    source.db
      .selectFrom("tracks as t")
      .select([
        ...trackOwnColumns,
        "t.duration_ms",
        "t.artist",
        "t.album",
        "t.play_count",
        "t.original_key",
        "t.original_format",
        "t.original_filename",
        "t.created_at",
      ])
      .where("t.owner_id", "=", userId),
    { at: "t.created_at", id: "t.id" },
  );
}

/** `tracks.json` and, beside it, the original audio of each track still in storage. */
export const tracksExporter = exporter({
  file: "tracks.json",
  recordType: "track",
  format: "json",
  async *records(userId, source) {
    for await (const track of ownTracks(userId, source)) {
      const createdAt = isoTime(track.created_at);
      yield {
        id: track.id,
        title: track.title,
        slug: track.slug,
        description: track.description,
        genre: track.genre,
        tags: track.tags,
        visibility: track.visibility,
        downloadable: track.downloadable,
        license: track.license,
        release_date: track.release_date,
        status: track.status,
        duration_ms: track.duration_ms,
        artist: track.artist,
        album: track.album,
        play_count: track.play_count,
        original_format: track.original_format,
        original_filename: track.original_filename,
        created_at: createdAt,
        playCount: Number(track.play_count),
        createdAt,
        originalFile: originalFileName(track),
      };
    }
  },
  async *media(userId, source) {
    for await (const track of ownTracks(userId, source)) {
      yield { name: originalFileName(track), key: track.original_key };
    }
  },
});
