import type { Playlist, PlaylistSummary } from "@stave/contracts";
import { presentTrackSummary, type TrackSummaryRow, trackArtworkUrl } from "../tracks/index.ts";
import { unhiddenTrackRule } from "../visibility/index.ts";
import type { PlaylistRow, PlaylistSummaryRow } from "./playlists.repo.ts";

/** Enough covers for a 2×2 mosaic. */
const MOSAIC_SIZE = 4;

function presentFields(row: PlaylistRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    visibility: row.visibility,
    owner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name },
    // Only its owner and staff ever get a taken-down playlist (visibility module, playlistRule).
    ...(row.taken_down_at && {
      takedown: {
        kind: "policy" as const,
        reason: row.takedown_reason ?? "",
        at: new Date(row.taken_down_at).toISOString(),
      },
    }),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function presentPlaylistSummary(row: PlaylistSummaryRow): PlaylistSummary {
  return {
    ...presentFields(row),
    trackCount: Number(row.track_count),
    durationMs: Number(row.total_duration_ms),
    artworkUrls: (row.artwork_track_ids ?? []).map(trackArtworkUrl),
  };
}

/** A playlist with the tracks its viewer gets (the caller has left the others out already). */
export function presentPlaylist(row: PlaylistRow, tracks: TrackSummaryRow[]): Playlist {
  return {
    ...presentFields(row),
    trackCount: tracks.length,
    durationMs: tracks.reduce((total, track) => total + (track.duration_ms ?? 0), 0),
    artworkUrls: tracks
      // A hidden track's artwork is served to nobody, its owner included (streaming.routes.ts).
      .filter((track) => track.artwork_prefix !== null && unhiddenTrackRule.allows(null, { track }))
      .slice(0, MOSAIC_SIZE)
      .map((track) => trackArtworkUrl(track.id)),
    tracks: tracks.map(presentTrackSummary),
  };
}
