import type { PlaylistSocial, TrackSocial } from "@stave/contracts";
import { presentTrackSummary, type TrackSummaryRow } from "../tracks/index.ts";

export interface TrackSocialRow {
  id: string;
  like_count: number;
  repost_count: number;
  comment_count: number;
  viewer_liked: boolean;
  viewer_reposted: boolean;
}

export const iso = (at: Date | string) => new Date(at).toISOString();

/** Counts, and the viewer's own flags when someone is signed in. */
export function presentTrackSocial(row: TrackSocialRow, signedIn: boolean): TrackSocial {
  return {
    trackId: row.id,
    likeCount: Number(row.like_count),
    repostCount: Number(row.repost_count),
    commentCount: Number(row.comment_count),
    viewer: signedIn ? { liked: row.viewer_liked, reposted: row.viewer_reposted } : null,
  };
}

export function presentPlaylistSocial(
  row: { id: string; like_count: number; viewer_liked: boolean },
  signedIn: boolean,
): PlaylistSocial {
  return {
    playlistId: row.id,
    likeCount: Number(row.like_count),
    viewer: signedIn ? { liked: row.viewer_liked } : null,
  };
}

/** A track summary with its counts, for lists (likes, the feed). */
export const presentTrackWithSocial = (row: TrackSummaryRow & TrackSocialRow, signedIn: boolean) => ({
  track: presentTrackSummary(row),
  social: presentTrackSocial(row, signedIn),
});

export const userRef = (row: { id: string; username: string; display_name: string | null }) => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
});
