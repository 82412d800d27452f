import { jsonBuildObject } from "kysely/helpers/postgres";
import { exporter, isoTime, rowsByKey, titleIf } from "../../platform/personal-data/exporter.ts";
import { sharedTrackRule } from "../visibility/index.ts";

/**
 * `playlists.json`: the user's playlists with their tracks in order. A track of someone
 * else's made private since stays listed by id, without its title.
 */
export const playlistsExporter = exporter({
  file: "playlists.json",
  recordType: "playlist",
  format: "json",
  async *records(userId, source) {
    const rows = rowsByKey(
      source,
      source.db
        .selectFrom("playlists as p")
        .select((eb) => [
          "p.id",
          "p.title",
          "p.description",
          "p.visibility",
          "p.created_at",
          eb
            .selectFrom("playlist_tracks as pt")
            .innerJoin("tracks as t", "t.id", "pt.track_id")
            .select((sub) =>
              sub.fn
                .jsonAgg(
                  jsonBuildObject({
                    trackId: sub.ref("t.id"),
                    title: titleIf(sharedTrackRule.sql({ userId }), sub.ref("t.title")),
                  }),
                )
                .orderBy("pt.position")
                .as("list"),
            )
            .whereRef("pt.playlist_id", "=", "p.id")
            .as("tracks"),
        ])
        .where("p.owner_id", "=", userId),
      { at: "p.created_at", id: "p.id" },
    );
    for await (const playlist of rows) {
      yield {
        id: playlist.id,
        title: playlist.title,
        description: playlist.description,
        visibility: playlist.visibility,
        // An empty playlist aggregates to null.
        tracks: playlist.tracks ?? [],
        createdAt: isoTime(playlist.created_at),
      };
    }
  },
});
