import { type PlaylistSummary, playlistTrackLimit, type Visibility } from "@stave/contracts";
import { ApiError } from "../../lib/api.ts";
import { type ErrorMessages, errorMessage } from "../../lib/errorMessage.ts";

/** "1 track", "12 tracks". */
export const formatTrackCount = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "track" : "tracks"}`;

/** A playlist's length as people say it: "45 sec", "42 min", "1 hr 5 min". */
export function formatTotalDuration(durationMs: number): string {
  const seconds = Math.max(0, Math.round(durationMs / 1000));
  if (seconds < 60) return `${seconds} sec`;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}

/** "12 tracks, 48 min", or "No tracks yet". */
export function formatPlaylistSize(playlist: Pick<PlaylistSummary, "trackCount" | "durationMs">): string {
  if (playlist.trackCount === 0) return "No tracks yet";
  return `${formatTrackCount(playlist.trackCount)}, ${formatTotalDuration(playlist.durationMs)}`;
}

export const playlistVisibilityHints: Record<Visibility, string> = {
  public: "Anyone can open it, and it is listed on your profile.",
  unlisted: "Anyone with the link can open it; it is not listed anywhere.",
  private: "Only you can see it.",
};

/** What the playlist endpoints' own refusals mean to a person; other errors get the usual words. */
export const playlistErrorMessages: ErrorMessages = {
  TRACK_ALREADY_IN_PLAYLIST: "Already in this playlist.",
  PLAYLIST_FULL: `This playlist is full: it holds at most ${playlistTrackLimit} tracks.`,
  PLAYLIST_ORDER_MISMATCH:
    "This playlist changed since you opened it (a track was added or removed elsewhere), so the new order wasn't saved. It has been reloaded: try again.",
};

export const playlistErrorMessage = (error: unknown, overrides: ErrorMessages = {}) =>
  errorMessage(error, { ...playlistErrorMessages, ...overrides });

export const isErrorCode = (error: unknown, code: ApiError["code"]) => error instanceof ApiError && error.code === code;
