import { api, type Me, operationPath, type Track, type TrackSummary } from "@stave/contracts";
import { minutesAgo, mockId } from "../accounts/factories.ts";

type TrackOwner = Track["owner"];

/** The creator most fixtures belong to: nobody the mocked accounts can sign in as. */
export const MIRA: TrackOwner = {
  id: "00000000-0000-4000-8000-00000000a001",
  username: "mira",
  displayName: "Mira Sol",
};
export const THEO: TrackOwner = { id: "00000000-0000-4000-8000-00000000a002", username: "theo", displayName: null };

/** A track's owner as the API shows it, for a signed-in user of the mocked accounts. */
export function ownerOf(me: Me): TrackOwner {
  return { id: me.id, username: me.username, displayName: me.profile.displayName };
}

/**
 * About a thousand peaks in 0..1 shaped like music: a swell and fall with beats on top.
 * Deterministic per `seed`, so stories and tests draw the same picture every time.
 */
export function buildWaveform(seed = 1, length = 1000): number[] {
  let noise = seed * 9301 + 49297;
  const random = () => {
    noise = (noise * 9301 + 49297) % 233280;
    return noise / 233280;
  };
  return Array.from({ length }, (_, index) => {
    const position = index / length;
    const envelope = 0.35 + 0.55 * Math.sin(Math.PI * position) ** 0.6;
    const beat = index % 25 < 3 ? 0.25 : 0;
    const value = envelope * (0.6 + 0.4 * random()) + beat * random();
    return Math.round(Math.min(1, value) * 1000) / 1000;
  });
}

const slugify = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "track";

/** A public track that finished processing, by Mira; override whatever a case needs. */
export function buildTrack(overrides: Partial<Track> = {}): Track {
  const title = overrides.title ?? "Night Drive";
  const createdAt = overrides.createdAt ?? minutesAgo(60 * 24);
  return {
    id: mockId(),
    slug: slugify(title),
    title,
    description: "Recorded in one take on a rainy night.",
    genre: "Synthwave",
    tags: ["night", "analog"],
    visibility: "public",
    downloadable: false,
    license: "All rights reserved",
    releaseDate: null,
    status: "ready",
    progress: 100,
    failureReason: null,
    durationMs: 214_000,
    loudness: { integratedLufs: -9.5, truePeakDbtp: -0.8, normalizationGainDb: -4.5 },
    artworkUrl: null,
    artist: "Mira Sol",
    album: null,
    playCount: 1287,
    owner: MIRA,
    createdAt,
    updatedAt: createdAt,
    waveform: buildWaveform(title.length),
    ...overrides,
  };
}

/** Just uploaded: waiting for a worker. */
export const buildUploadedTrack = (overrides: Partial<Track> = {}) =>
  buildTrack({
    status: "uploaded",
    progress: 0,
    durationMs: null,
    loudness: null,
    waveform: null,
    playCount: 0,
    ...overrides,
  });

/** Being transcoded. */
export const buildProcessingTrack = (overrides: Partial<Track> = {}) =>
  buildUploadedTrack({ status: "processing", progress: 40, ...overrides });

/** Processing failed, with the reason the worker gave. */
export const buildFailedTrack = (overrides: Partial<Track> = {}) =>
  buildUploadedTrack({
    status: "failed",
    failureReason: "The file could not be decoded: it may be damaged.",
    ...overrides,
  });

/** Gives a track artwork at the URL the server uses; the mocked API draws it. */
export function withArtwork(track: Track): Track {
  return { ...track, artworkUrl: operationPath(api.streaming.artwork.path, { id: track.id, size: "large" }) };
}

/** What lists carry: a track without its waveform. */
export function toSummary(track: Track): TrackSummary {
  const { waveform: _waveform, ...summary } = track;
  return summary;
}

/** The instance's latest public tracks, newest first, as a fresh install with a few uploads shows them. */
export function buildLatestTracks(): Track[] {
  return [
    withArtwork(buildTrack({ title: "Night Drive", createdAt: minutesAgo(30) })),
    buildTrack({
      title: "Low Tide",
      genre: "Ambient",
      tags: ["calm"],
      durationMs: 362_000,
      loudness: { integratedLufs: -18.2, truePeakDbtp: -3.1, normalizationGainDb: 3 },
      playCount: 86,
      createdAt: minutesAgo(60 * 5),
    }),
    buildTrack({
      title: "Paper Planes",
      owner: THEO,
      artist: "Theo",
      genre: "Indie",
      durationMs: 187_000,
      playCount: 1,
      createdAt: minutesAgo(60 * 26),
    }),
  ];
}

export type MockAudioTags = { title?: string; genre?: string; artist?: string; album?: string };

type AudioFileOptions = {
  name?: string;
  type?: string;
  /** What the mocked server "reads from the tags" (a real server uses the file's ID3/Vorbis tags). */
  tags?: MockAudioTags;
  /** The mocked worker fails to decode it (once: a retry succeeds). */
  corrupt?: boolean;
  /** Pads the file to this many bytes, to try the size limits. */
  size?: number;
};

/**
 * A small stand-in for an audio file. The mocked server reads `KEY=value` lines from it
 * as its "tags"; the name does not survive jsdom's FormData in tests, the content does.
 */
export function buildAudioFile({
  name = "night-drive.mp3",
  type = "audio/mpeg",
  tags = {},
  corrupt = false,
  size,
}: AudioFileOptions = {}): File {
  const lines = Object.entries(tags).map(([key, value]) => `${key.toUpperCase()}=${value}`);
  if (corrupt) lines.push("CORRUPT=1");
  const text = `${lines.join("\n")}\n`;
  const padding = size === undefined ? 0 : Math.max(0, size - text.length);
  return new File([text, new Uint8Array(padding)], name, { type });
}

/** A small image for the artwork picker. */
export function buildArtworkFile(name = "cover.png"): File {
  return new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], name, { type: "image/png" });
}
