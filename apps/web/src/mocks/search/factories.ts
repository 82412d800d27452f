import type { PlaylistSummary, Track } from "@stave/contracts";
import { minutesAgo, mockId } from "../accounts/factories.ts";
import { buildLatestTracks, buildTrack, MIRA, THEO, withArtwork } from "../tracks/factories.ts";

type Owner = Track["owner"];

/** A creator who records piano classics: where "beethoven" (and "beethovn") lead. */
export const LUDWIG: Owner = {
  id: "00000000-0000-4000-8000-00000000a003",
  username: "ludwig",
  displayName: "Ludwig Piano Covers",
};
/** A creator with an accented name, for accent-insensitive matching ("zoe" finds Zoé). */
export const ZOE: Owner = { id: "00000000-0000-4000-8000-00000000a004", username: "zoe", displayName: "Zoé Martin" };

/** A public playlist by Mira; override whatever a case needs. */
export function buildPlaylist(overrides: Partial<PlaylistSummary> = {}): PlaylistSummary {
  const createdAt = overrides.createdAt ?? minutesAgo(60 * 24 * 3);
  return {
    id: mockId(),
    title: "Night Drives",
    description: "Synths for the empty motorway.",
    visibility: "public",
    trackCount: 12,
    durationMs: 2_760_000,
    artworkUrls: [],
    owner: MIRA,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

const piano = (title: string, artist: string, overrides: Partial<Track> = {}) =>
  buildTrack({
    title,
    artist,
    owner: LUDWIG,
    genre: "Classical",
    tags: artist === "Beethoven" ? ["piano", "beethoven"] : ["piano"],
    description: `${title}, played on an upright piano.`,
    playCount: 300 + title.length * 17,
    ...overrides,
  });

/**
 * Tracks worth searching: the latest tracks plus piano classics by Ludwig, French titles by
 * Zoé and a few more night tracks, and some that search must never show (private, processing).
 */
export function buildSearchCatalogTracks(): Track[] {
  return [
    ...buildLatestTracks(),
    piano("Für Elise", "Beethoven", { createdAt: minutesAgo(60 * 30) }),
    piano("Moonlight Sonata", "Beethoven", { createdAt: minutesAgo(60 * 31) }),
    piano("Ode to Joy", "Beethoven", { createdAt: minutesAgo(60 * 32) }),
    piano("Pathétique", "Beethoven", { createdAt: minutesAgo(60 * 33) }),
    piano("Clair de Lune", "Debussy", { createdAt: minutesAgo(60 * 34) }),
    piano("Gymnopédie No. 1", "Satie", { tags: ["piano", "calm"], createdAt: minutesAgo(60 * 35) }),
    withArtwork(
      buildTrack({
        title: "Café Noir",
        artist: "Zoé Martin",
        owner: ZOE,
        genre: "Jazz",
        tags: ["coffee", "night"],
        createdAt: minutesAgo(60 * 40),
      }),
    ),
    buildTrack({
      title: "Été Indien",
      artist: "Zoé Martin",
      owner: ZOE,
      genre: "Chanson",
      tags: ["summer"],
      createdAt: minutesAgo(60 * 41),
    }),
    buildTrack({
      title: "Nuit Blanche",
      artist: "Zoé Martin",
      owner: ZOE,
      genre: "Electronic",
      tags: ["night"],
      createdAt: minutesAgo(60 * 42),
    }),
    buildTrack({
      title: "Night Bus Home",
      artist: "Theo",
      owner: THEO,
      genre: "Indie",
      tags: ["night", "city"],
      createdAt: minutesAgo(60 * 50),
    }),
    buildTrack({ title: "Midnight Run", genre: "Synthwave", tags: ["driving"], createdAt: minutesAgo(60 * 60) }),
    buildTrack({ title: "Night Drive Demo", visibility: "private", createdAt: minutesAgo(60 * 70) }),
    buildTrack({
      title: "Nightfall (processing)",
      status: "processing",
      progress: 40,
      createdAt: minutesAgo(60 * 71),
    }),
  ];
}

/** `count` more piano sketches by Ludwig, so a "piano" search runs to more than one page. */
export function buildPianoSketches(count: number): Track[] {
  return Array.from({ length: count }, (_, index) =>
    piano(`Piano Sketch No. ${index + 1}`, "Ludwig", { createdAt: minutesAgo(60 * 100 + index) }),
  );
}

/** Public playlists to find, and a private one search must not show. */
export function buildSearchCatalogPlaylists(): PlaylistSummary[] {
  return [
    buildPlaylist(),
    buildPlaylist({
      title: "Beethoven Essentials",
      description: "The piano pieces everyone hums.",
      owner: LUDWIG,
      trackCount: 4,
      durationMs: 1_140_000,
      updatedAt: minutesAgo(60 * 5),
    }),
    buildPlaylist({
      title: "Piano for Rainy Days",
      description: null,
      owner: LUDWIG,
      trackCount: 6,
      durationMs: 1_620_000,
      updatedAt: minutesAgo(60 * 8),
    }),
    buildPlaylist({
      title: "Café Mornings",
      description: "Slow starts.",
      owner: ZOE,
      trackCount: 1,
      durationMs: 201_000,
    }),
    buildPlaylist({ title: "Night Secrets", visibility: "private", owner: THEO, trackCount: 3 }),
  ];
}
