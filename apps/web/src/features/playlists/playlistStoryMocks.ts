import type { Me } from "@stave/contracts";
import {
  buildPlaylistRecord,
  buildProcessingTrack,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  MIRA,
  type MockApi,
  minutesAgo,
  ownerOf,
  THEO,
  withArtwork,
} from "../../mocks/handlers.ts";

// Fixtures the playlists' stories and tests share; kept out of the story files so
// Storybook does not take them for stories.

/** Owns the playlists below. */
export const playlistOwner = buildVerifiedUser({ username: "lin", profile: { displayName: "Lin Park" } });
/** Signed in, but owns none of them. */
export const otherListener = buildVerifiedUser({ username: "grace", profile: { displayName: "Grace" } });

export const mixTracks = [
  withArtwork(buildTrack({ title: "Night Drive", durationMs: 214_000 })),
  buildTrack({ title: "Low Tide", genre: "Ambient", durationMs: 362_000 }),
  withArtwork(buildTrack({ title: "Paper Planes", owner: THEO, artist: "Theo", durationMs: 187_000 })),
  withArtwork(buildTrack({ title: "Midnight Run", durationMs: 243_000 })),
  withArtwork(buildTrack({ title: "Neon Rain", owner: THEO, artist: "Theo", durationMs: 199_000 })),
];
/** Lin's own upload, still processing: listed for Lin but never queued, hidden from everyone else. */
export const ownProcessingTrack = buildProcessingTrack({ title: "Bedroom Demo", owner: ownerOf(playlistOwner) });
export const sketchTracks = Array.from({ length: 8 }, (_, index) =>
  buildTrack({ title: `Sketch ${index + 1}`, owner: MIRA, durationMs: 120_000 + index * 7_000 }),
);
/** Not in any playlist yet. */
export const looseTrack = withArtwork(buildTrack({ title: "Glass Harbour", genre: "Ambient", durationMs: 281_000 }));
export const allTracks = [...mixTracks, ownProcessingTrack, ...sketchTracks, looseTrack];

/** Public, five playable tracks with artwork on four of them (a mosaic), and Lin's processing demo. */
export const lateNightMix = buildPlaylistRecord({
  title: "Late Night Mix",
  description: "For the drive home.\nBest with the windows down.",
  owner: ownerOf(playlistOwner),
  tracks: [...mixTracks, ownProcessingTrack],
  createdAt: minutesAgo(60 * 24 * 4),
});
/** Private, eight tracks without artwork. */
export const secretSketches = buildPlaylistRecord({
  title: "Secret Sketches",
  description: null,
  visibility: "private",
  owner: ownerOf(playlistOwner),
  tracks: sketchTracks,
  createdAt: minutesAgo(60 * 24 * 3),
});
/** Unlisted and empty. */
export const emptyCrate = buildPlaylistRecord({
  title: "Empty Crate",
  description: null,
  visibility: "unlisted",
  owner: ownerOf(playlistOwner),
  createdAt: minutesAgo(60 * 24 * 2),
});
/** Mira's public playlist, for her creator page. */
export const miraFavourites = buildPlaylistRecord({
  title: "Mira's Favourites",
  tracks: [mixTracks[0], mixTracks[1]].filter((track) => track !== undefined),
  createdAt: minutesAgo(60 * 24 * 5),
});
/** Mira's private playlist: never on her page. */
export const miraDrafts = buildPlaylistRecord({
  title: "Mira's Drafts",
  visibility: "private",
  tracks: sketchTracks.slice(0, 2),
  createdAt: minutesAgo(60 * 24 * 6),
});

export const playlistRecords = [lateNightMix, secretSketches, emptyCrate, miraFavourites, miraDrafts];

/** The whole mocked API over these tracks and playlists; signed in as `me` when given. A fresh one per call. */
export function playlistsApi(me?: Me): MockApi {
  return createMockApi({ me, tracks: allTracks, playlistRecords });
}
