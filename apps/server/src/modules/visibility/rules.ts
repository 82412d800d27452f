import type { RawBuilder } from "kysely";
import {
  type Aliases,
  and,
  blockedWithViewer,
  type Condition,
  col,
  compile,
  equals,
  evaluate,
  isNotNull,
  isNull,
  isViewer,
  not,
  notEquals,
  or,
  type RuleTables,
  resolve,
  type TableName,
  viewerRole,
} from "./conditions.ts";
import type { Viewer } from "./viewer.ts";

/**
 * Who may see what: every visibility rule of Stave, each written once, here.
 *
 * Decisions, and why:
 * - Owners always see their own track, playlist and comment, in any state (taken down,
 *   processing, private): they are told why it is hidden and may fix or appeal it.
 * - Admins see every track and playlist they open by id, private ones included: they run the
 *   instance and answer for what it holds. Moderators see what is taken down (tracks,
 *   playlists, comments) and the tracks a suspension hid that others could open before it
 *   (not private), because judging and restoring it needs it; a private track or playlist
 *   that nobody took down is its owner's business, not theirs, whether or not its owner is
 *   suspended (suspension hides every ready track, private ones too).
 * - Staff powers are for looking at one thing. What someone curates and shares, a playlist's
 *   tracks, uses `sharedTrack`, the rule without them: a playlist looks the same to its owner
 *   whatever their role, and an admin cannot put someone's private track in a public list.
 *   Exports use it too: an export is a person's data, not what their role let them glimpse.
 * - What is publicly listed (search, feeds, home, a creator's page, profile counts) is public,
 *   ready and not taken down, whoever looks: no role lists more.
 * - A block hides people from each other's reading lists: the other's comments under any
 *   track, their tracks in my feeds, their notifications (notifications module). It does not
 *   hide a track, playlist or profile opened by link: anyone signed out can open those, so
 *   hiding them from the signed-in would protect nobody.
 * - A deleted account's profile is gone for everyone. A suspended account's profile is hidden
 *   like taken-down content: its owner and staff only (suspension is an account's takedown).
 */

const track = {
  owner: col("track", "owner_id"),
  status: col("track", "status"),
  visibility: col("track", "visibility"),
  takenDownAt: col("track", "taken_down_at"),
};
const playlist = {
  owner: col("playlist", "owner_id"),
  visibility: col("playlist", "visibility"),
  takenDownAt: col("playlist", "taken_down_at"),
};
const comment = { author: col("comment", "author_id"), takenDownAt: col("comment", "taken_down_at") };
const user = { id: col("user", "id"), deletedAt: col("user", "deleted_at"), suspendedAt: col("user", "suspended_at") };

const staff = viewerRole("moderator", "admin");

/** What anyone may open by id: processed, not private, not taken down (unlisted ones too). */
const trackOpenToAnyone = and(
  equals(track.status, "ready"),
  notEquals(track.visibility, "private"),
  isNull(track.takenDownAt),
);
/** Hidden from everyone's players: taken down, or its owner suspended (status 'hidden'). */
const trackHidden = or(equals(track.status, "hidden"), isNotNull(track.takenDownAt));

/**
 * What moderators may open beyond what anyone may: what was taken down, and what a suspension
 * hid that was open before it. Not `trackHidden`: suspension sets 'hidden' on private tracks too.
 */
const trackModerated = or(
  isNotNull(track.takenDownAt),
  and(equals(track.status, "hidden"), notEquals(track.visibility, "private")),
);

const trackCondition = or(
  isViewer(track.owner),
  viewerRole("admin"),
  and(viewerRole("moderator"), trackModerated),
  trackOpenToAnyone,
);

const listedTrackCondition = and(
  equals(track.visibility, "public"),
  equals(track.status, "ready"),
  isNull(track.takenDownAt),
);

const playlistCondition = or(
  isViewer(playlist.owner),
  viewerRole("admin"),
  and(viewerRole("moderator"), isNotNull(playlist.takenDownAt)),
  and(notEquals(playlist.visibility, "private"), isNull(playlist.takenDownAt)),
);

/** A comment is seen with its track; a taken-down one by its author and staff only. */
const commentCondition = and(trackCondition, or(isNull(comment.takenDownAt), isViewer(comment.author), staff));

/** One visibility rule, as SQL over the caller's aliases and as a predicate over loaded rows. */
export interface Rule<T extends TableName> {
  readonly name: string;
  readonly condition: Condition;
  /** The rule as a boolean SQL expression; `aliases` name the tables of the caller's query. */
  sql(viewer: Viewer, aliases?: { [K in T]?: string }): RawBuilder<boolean>;
  /** The rule on rows already loaded; `blockedWith` (loadBlockedWith) when the rule tests blocks. */
  allows(viewer: Viewer, rows: { [K in T]: RuleTables[K] }, blockedWith?: ReadonlySet<string>): boolean;
}

/** The aliases the codebase uses most: `t` tracks, `p` playlists, `c` comments, `u` users. */
const defaultAliases: Aliases = { track: "t", playlist: "p", comment: "c", user: "u" };

function rule<T extends TableName>(name: string, condition: Condition): Rule<T> {
  return {
    name,
    condition,
    sql: (viewer, aliases = {}) => compile(resolve(condition, viewer), { ...defaultAliases, ...aliases }),
    allows: (viewer, rows, blockedWith) => evaluate(resolve(condition, viewer), rows, blockedWith),
  };
}

/** Who may open a track (its page, stream, artwork, download, counts, comments, likes, history). */
export const trackRule = rule<"track">("track", trackCondition);

/**
 * Who may play, show the artwork of, or download a track they may open: nobody, not even its
 * owner or staff, while it is hidden (taken down, or its owner suspended). Opening it stays
 * allowed (the owner sees why; staff judge it), so its refusal is a 403, not a 404.
 */
export const playableTrackRule = rule<"track">("playableTrack", and(trackCondition, not(trackHidden)));

/**
 * Whether a track is not hidden, whoever looks: the part of `playableTrackRule` that lists and
 * pages apply to a track they already show (its artwork is linked only when it is served).
 */
export const unhiddenTrackRule = rule<"track">("unhiddenTrack", not(trackHidden));

/** The tracks of something a person curates and shares (a playlist) or takes away (an export). */
export const sharedTrackRule = rule<"track">("sharedTrack", or(isViewer(track.owner), trackOpenToAnyone));

/** Publicly listed tracks: search, the latest list, a creator's page and counts, announcements. */
export const listedTrackRule = rule<"track">("listedTrack", listedTrackCondition);

/** A feed's tracks: publicly listed, and by nobody the viewer blocked or was blocked by. */
export const feedTrackRule = rule<"track">("feedTrack", and(listedTrackCondition, not(blockedWithViewer(track.owner))));

/** Who may open a playlist. */
export const playlistRule = rule<"playlist">("playlist", playlistCondition);

/** Publicly listed playlists: search and a user's page. */
export const listedPlaylistRule = rule<"playlist">(
  "listedPlaylist",
  and(equals(playlist.visibility, "public"), isNull(playlist.takenDownAt)),
);

/** Who may see a comment opened by id (with its track). */
export const commentRule = rule<"comment" | "track">("comment", commentCondition);

/** The comments of a track as the viewer reads them: also none between people who blocked each other. */
export const listedCommentRule = rule<"comment" | "track">(
  "listedComment",
  and(commentCondition, not(blockedWithViewer(comment.author))),
);

/** Who may see a user's profile. */
export const profileRule = rule<"user">(
  "profile",
  and(isNull(user.deletedAt), or(isNull(user.suspendedAt), isViewer(user.id), staff)),
);
