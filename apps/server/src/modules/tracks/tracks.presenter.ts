import type { Takedown, Track, TrackSummary } from "@stave/contracts";
import { unhiddenTrackRule } from "../visibility/index.ts";
import type { TrackRow } from "./tracks.repo.ts";

/** The loudness the player normalises to, as the big streaming services do. */
export const TARGET_LUFS = -14;
/** Never raise a track so far that its true peak would pass this. */
const PEAK_CEILING_DBTP = -1;

export function normalizationGainDb(integratedLufs: number, truePeakDbtp: number): number {
  const gain = Math.min(TARGET_LUFS - integratedLufs, PEAK_CEILING_DBTP - truePeakDbtp);
  return Math.round(gain * 100) / 100;
}

/** The columns a summary is made of (lists of many tracks select these, not the waveform). */
export type TrackSummaryRow = Pick<
  TrackRow,
  | "id"
  | "slug"
  | "title"
  | "description"
  | "genre"
  | "tags"
  | "visibility"
  | "downloadable"
  | "license"
  | "release_date"
  | "status"
  | "progress"
  | "failure_reason"
  | "duration_ms"
  | "loudness_lufs"
  | "true_peak_dbtp"
  | "artwork_prefix"
  | "artist"
  | "album"
  | "play_count"
  | "owner_id"
  | "owner_username"
  | "owner_display_name"
  | "created_at"
  | "updated_at"
  | "taken_down_at"
  | "takedown_reason"
  | "takedown_kind"
  | "owner_suspended_at"
  | "owner_suspension_reason"
>;

/**
 * Why the track is hidden, or null. Only its owner, moderators and admins ever get a track
 * that is not ready (every other read asks for status = 'ready'), so this is theirs to see.
 * A moderator's takedown may come before processing ends: the owner hears of it at once.
 */
export function takedownOf(row: TrackSummaryRow): Takedown | null {
  if (row.status === "ready") return null;
  if (row.taken_down_at) {
    return {
      kind: row.takedown_kind ?? "policy",
      reason: row.takedown_reason ?? "",
      at: new Date(row.taken_down_at).toISOString(),
    };
  }
  if (row.status === "hidden" && row.owner_suspended_at) {
    return {
      kind: "owner_suspended",
      reason: row.owner_suspension_reason ?? "",
      at: new Date(row.owner_suspended_at).toISOString(),
    };
  }
  return null;
}

export const trackArtworkUrl = (trackId: string) => `/api/v1/tracks/${trackId}/artwork/large`;

export function presentTrackSummary(row: TrackSummaryRow): TrackSummary {
  const takedown = takedownOf(row);
  const loudness =
    row.loudness_lufs !== null && row.true_peak_dbtp !== null
      ? {
          integratedLufs: row.loudness_lufs,
          truePeakDbtp: row.true_peak_dbtp,
          normalizationGainDb: normalizationGainDb(row.loudness_lufs, row.true_peak_dbtp),
        }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    genre: row.genre,
    tags: row.tags,
    visibility: row.visibility,
    downloadable: row.downloadable,
    license: row.license,
    releaseDate: row.release_date,
    status: row.status,
    progress: row.progress,
    failureReason: row.failure_reason,
    durationMs: row.duration_ms,
    loudness,
    // A hidden track's artwork is refused to everyone (streaming.routes.ts): link none.
    artworkUrl: row.artwork_prefix && unhiddenTrackRule.allows(null, { track: row }) ? trackArtworkUrl(row.id) : null,
    artist: row.artist,
    album: row.album,
    playCount: Number(row.play_count),
    owner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    // Left out, rather than null, while there is none: the summary most people ever see.
    ...(takedown && { takedown }),
  };
}

export function presentTrack(row: TrackRow): Track {
  return { ...presentTrackSummary(row), waveform: row.waveform };
}
