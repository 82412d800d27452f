import type { Me } from "@stave/contracts";
import {
  buildComment,
  buildFollow,
  buildPerson,
  buildPlaylistLikes,
  buildPlaylistRecord,
  buildRepost,
  buildTrack,
  buildTrackLikes,
  buildUnverifiedUser,
  buildVerifiedUser,
  createMockApi,
  MIRA,
  type MockApi,
  minutesAgo,
  ownerOf,
  THEO,
  withArtwork,
} from "../../mocks/handlers.ts";

// Fixtures the social stories and tests share; kept out of the story files so Storybook
// does not take them for stories.

/** The signed-in listener of most stories. */
export const lin = buildVerifiedUser({ username: "lin", profile: { displayName: "Lin", bio: null, location: null } });
/** Signed in but not verified: may like and follow, not comment. */
export const newbie = buildUnverifiedUser();
export const grace = buildPerson("grace", "Grace Hopper");

export const nightDrive = withArtwork(
  buildTrack({ title: "Night Drive", durationMs: 240_000, playCount: 1287, createdAt: minutesAgo(60 * 30) }),
);
export const lowTide = buildTrack({
  title: "Low Tide",
  genre: "Ambient",
  playCount: 86,
  createdAt: minutesAgo(60 * 5),
});
export const paperPlanes = withArtwork(
  buildTrack({ title: "Paper Planes", owner: THEO, artist: "Theo", playCount: 40, createdAt: minutesAgo(60 * 26) }),
);
/** Lin's own upload: Lin may like it, not repost it. */
export const linSketch = buildTrack({ title: "Lin's Sketch", owner: ownerOf(lin), playCount: 3 });
/** Shared by link only: it cannot be reposted. */
export const unlistedDemo = buildTrack({ title: "Unlisted Demo", visibility: "unlisted", playCount: 0 });
export const socialTracks = [nightDrive, lowTide, paperPlanes, linSketch, unlistedDemo];

export const lateNightMix = buildPlaylistRecord({ title: "Late Night Mix", tracks: [nightDrive, lowTide] });

/** Twelve likes by strangers on Night Drive, two comments (one at 0:42), Theo's repost. */
export const socialSeed = {
  likes: buildTrackLikes(nightDrive.id, 12),
  playlistLikes: buildPlaylistLikes(lateNightMix.id, 4),
  reposts: [buildRepost(THEO, nightDrive.id, minutesAgo(20))],
  comments: [
    buildComment({
      trackId: nightDrive.id,
      author: THEO,
      body: "That bassline at 0:42!",
      timestampMs: 42_000,
      createdAt: minutesAgo(90),
    }),
    buildComment({
      trackId: nightDrive.id,
      author: grace,
      body: "On repeat all week.\nThank you.",
      timestampMs: null,
      createdAt: minutesAgo(60),
    }),
  ],
  follows: [buildFollow(grace, MIRA, minutesAgo(60 * 3)), buildFollow(THEO, MIRA, minutesAgo(60 * 48))],
  people: [
    {
      person: MIRA,
      bio: "Synths after midnight.\nBerlin, mostly.",
      location: "Berlin",
      role: "creator" as const,
    },
  ],
};

/** The social world above, seen by `me` (signed out when left out). */
export function socialApi(me?: Me, overrides: Partial<typeof socialSeed> = {}): MockApi {
  return createMockApi({
    me,
    tracks: socialTracks,
    playlistRecords: [lateNightMix],
    social: { ...socialSeed, ...overrides },
  });
}

/** Lin follows Theo: his new track and his repost come first in Lin's feed, then popular tracks. */
export function feedApi(extraTracks = 0): MockApi {
  const more = Array.from({ length: extraTracks }, (_, index) =>
    buildTrack({ title: `Popular ${index + 1}`, playCount: 500 - index, createdAt: minutesAgo(60 * 24 * 10 + index) }),
  );
  return createMockApi({
    me: lin,
    tracks: [...socialTracks, ...more],
    playlistRecords: [lateNightMix],
    social: { ...socialSeed, follows: [...socialSeed.follows, buildFollow(ownerOf(lin), THEO)] },
  });
}

/** Lin likes Paper Planes (latest), Night Drive, and the Late Night Mix. */
export function likesApi(): MockApi {
  const person = ownerOf(lin);
  return createMockApi({
    me: lin,
    tracks: socialTracks,
    playlistRecords: [lateNightMix],
    social: {
      ...socialSeed,
      likes: [
        ...socialSeed.likes,
        { userId: person.id, trackId: nightDrive.id, at: minutesAgo(60) },
        { userId: person.id, trackId: paperPlanes.id, at: minutesAgo(5) },
      ],
      playlistLikes: [
        ...socialSeed.playlistLikes,
        { userId: person.id, playlistId: lateNightMix.id, at: minutesAgo(30) },
      ],
    },
  });
}
