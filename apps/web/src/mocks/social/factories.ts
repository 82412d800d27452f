import type { Role, Takedown, Track } from "@stave/contracts";
import { minutesAgo, mockId } from "../accounts/factories.ts";

type Person = Track["owner"];

/** A like of a track, by anyone (a user id no account needs to have). */
export type MockTrackLike = { userId: string; trackId: string; at: string };
/** A like of a playlist. */
export type MockPlaylistLike = { userId: string; playlistId: string; at: string };
/** A repost, with who reposted it: the feed names them. */
export type MockRepost = { user: Person; trackId: string; at: string };
export type MockFollow = { follower: Person; followee: Person; at: string };
/** A comment as the mocked server keeps it; `canDelete` is worked out per viewer. */
export type MockComment = {
  id: string;
  trackId: string;
  author: Person;
  body: string;
  timestampMs: number | null;
  createdAt: string;
  /** Set when a moderator took it down: then only its author and moderators see it. */
  takedown?: Takedown | null;
};
/**
 * Someone the profiles API knows beyond the signed-in accounts, e.g. a creator who owns
 * fixtures: their bio and role for `api.follows.profile`.
 */
export type MockPerson = {
  person: Person;
  bio?: string | null;
  location?: string | null;
  role?: Role;
  createdAt?: string;
};

/** `count` likes of `trackId` by listeners nobody signs in as, a minute apart, newest first. */
export function buildTrackLikes(trackId: string, count: number): MockTrackLike[] {
  return Array.from({ length: count }, (_, index) => ({
    userId: mockId(),
    trackId,
    at: minutesAgo(10 + index),
  }));
}

/** `count` likes of a playlist by strangers. */
export function buildPlaylistLikes(playlistId: string, count: number): MockPlaylistLike[] {
  return Array.from({ length: count }, (_, index) => ({
    userId: mockId(),
    playlistId,
    at: minutesAgo(10 + index),
  }));
}

/** A listener nobody signs in as, for follows, reposts and comments by "other people". */
export function buildPerson(username: string, displayName: string | null = null): Person {
  return { id: mockId(), username, displayName };
}

/** A comment on `trackId`, by `author`, at `timestampMs` unless null. */
export function buildComment(overrides: Partial<MockComment> & Pick<MockComment, "trackId" | "author">): MockComment {
  return {
    id: mockId(),
    body: "Love this part!",
    timestampMs: null,
    createdAt: minutesAgo(30),
    ...overrides,
  };
}

export function buildFollow(follower: Person, followee: Person, at = minutesAgo(60)): MockFollow {
  return { follower, followee, at };
}

export function buildRepost(user: Person, trackId: string, at = minutesAgo(20)): MockRepost {
  return { user, trackId, at };
}
