import type { Me } from "@stave/contracts";
import {
  buildComment,
  buildCreator,
  buildPlaylistRecord,
  buildTakedown,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  type MockApi,
  minutesAgo,
  ownerOf,
  THEO,
} from "../../mocks/handlers.ts";

// Fixtures the reporting and takedown stories and tests share; kept out of the story files
// so Storybook does not take them for stories.

/** Owns the hidden things below. */
export const owner = buildCreator({ username: "lin", profile: { displayName: "Lin Park" } });
/** Signed in, owns none of it: may report. */
export const listener = buildVerifiedUser({ username: "grace", profile: { displayName: "Grace" } });

export const openTrack = buildTrack({ title: "Night Drive", createdAt: minutesAgo(60 * 30) });
export const takenDownTrack = buildTrack({
  title: "Borrowed Beat",
  owner: ownerOf(owner),
  status: "hidden",
  takedown: buildTakedown({ kind: "copyright", reason: "Claimed by Example Records: it uses their master." }),
  createdAt: minutesAgo(60 * 20),
});
export const suspendedTrack = buildTrack({
  title: "Quiet Hours",
  owner: ownerOf(owner),
  status: "hidden",
  takedown: buildTakedown({ kind: "owner_suspended", reason: "The owner's account is suspended." }),
  createdAt: minutesAgo(60 * 40),
});
export const ownTrack = buildTrack({ title: "Morning Light", owner: ownerOf(owner), createdAt: minutesAgo(60 * 50) });
export const takenDownPlaylist = buildPlaylistRecord({
  title: "Leaked Demos",
  owner: ownerOf(owner),
  tracks: [ownTrack],
  takedown: buildTakedown({ reason: "Shares tracks their creators have not released." }),
});
/** Mira's, public: anyone signed in may report it. */
export const openPlaylist = buildPlaylistRecord({ title: "Late Night Mix", tracks: [openTrack] });
export const theoComment = buildComment({ trackId: openTrack.id, author: THEO, body: "Great drop at the end." });
export const takenDownComment = buildComment({
  trackId: openTrack.id,
  author: ownerOf(owner),
  body: "You all are idiots",
  takedown: buildTakedown({ reason: "Insults other listeners." }),
  createdAt: minutesAgo(10),
});

/** The world above, seen by `me` (signed out when left out). */
export function moderationApi(me?: Me): MockApi {
  return createMockApi({
    me,
    users: [owner, listener].filter((user) => user.id !== me?.id),
    tracks: [openTrack, takenDownTrack, suspendedTrack, ownTrack],
    playlistRecords: [takenDownPlaylist, openPlaylist],
    social: { comments: [theoComment, takenDownComment] },
  });
}
