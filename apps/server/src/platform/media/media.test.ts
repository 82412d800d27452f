import { execFile } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import {
  makeAudio,
  makeEmptyWav,
  makeFlac,
  makeImage,
  makeMp3WithCover,
  makeNotAudio,
  makeTruncated,
  makeVideoOnly,
  makeWav,
} from "../../../test/media.ts";
import { createLogger } from "../logger.ts";
import { copyCoverStream } from "./cover.ts";
import { createMediaToolkit, type MediaToolkit, resolveFfmpeg, UnsupportedMediaError } from "./index.ts";

const run = promisify(execFile);
let media: MediaToolkit;
let dir: string;
let wav: string;
let mp3: string;
const tags = { title: "Nocturne", artist: "Ada", album: "Night Pieces", genre: "Classical", year: 2024 };

beforeAll(async () => {
  media = createMediaToolkit({ logger: createLogger("silent") });
  dir = await mkdtemp(path.join(os.tmpdir(), "stave-media-"));
  [wav, mp3] = await Promise.all([makeWav(dir, { seconds: 3 }), makeMp3WithCover(dir, { seconds: 2, ...tags })]);
});

describe("probe", () => {
  it("describes a WAV", async () => {
    expect(await media.probe(wav)).toEqual({
      format: "wav",
      codec: "pcm_s16le",
      durationMs: 3000,
      sampleRate: 44100,
      channels: 2,
      bitRate: expect.any(Number),
      hasEmbeddedCover: false,
      tags: {},
    });
  });

  it("describes a mono 48 kHz FLAC", async () => {
    const flac = await makeFlac(dir, { seconds: 2, sampleRate: 48_000, channels: 1 });
    expect(await media.probe(flac)).toMatchObject({
      format: "flac",
      codec: "flac",
      durationMs: 2000,
      sampleRate: 48000,
      channels: 1,
      hasEmbeddedCover: false,
    });
  });

  it("reads an MP3's tags and notices its cover", async () => {
    const probed = await media.probe(mp3);
    expect(probed).toMatchObject({ format: "mp3", codec: "mp3", sampleRate: 44100, channels: 2, tags });
    expect(probed.hasEmbeddedCover).toBe(true);
    expect(probed.durationMs).toBeGreaterThanOrEqual(2000);
    expect(probed.durationMs).toBeLessThan(2200);
    expect(probed.bitRate).toBeGreaterThan(0);
  });

  it.each([
    ["aiff", "aiff", "pcm_s16be"],
    ["m4a-aac", "m4a", "aac"],
    ["m4a-alac", "m4a", "alac"],
    ["ogg-vorbis", "ogg", "vorbis"],
    ["ogg-opus", "ogg", "opus"],
  ] as const)("accepts %s", async (kind, format, codec) => {
    const file = await makeAudio(dir, kind, { seconds: 2 });
    const probed = await media.probe(file);
    expect(probed).toMatchObject({ format, codec, channels: 2 });
    expect(probed.durationMs).toBeGreaterThanOrEqual(1950);
    expect(probed.durationMs).toBeLessThanOrEqual(2100);
  });

  it.each([
    ["a text file", () => makeNotAudio(dir), /not audio/],
    ["a PNG", () => makeNotAudio(dir, { kind: "png" }), /not audio/],
    ["a video without audio", () => makeVideoOnly(dir), /video without an audio stream/],
    ["a WAV without samples", () => makeEmptyWav(dir), /no duration/],
    ["an M4A cut in half", () => makeTruncated(dir, { kind: "m4a" }), /corrupt or truncated/],
  ])("refuses %s with a clear reason", async (_, make, message) => {
    const file = await make();
    const probing = media.probe(file);
    await expect(probing).rejects.toBeInstanceOf(UnsupportedMediaError);
    await expect(probing).rejects.toThrow(message);
  });
});

describe("loudness", () => {
  it("measures a −20 dBFS sine plausibly", async () => {
    const { integratedLufs, truePeakDbtp } = await media.analyseLoudness(wav);
    expect(Number.isFinite(integratedLufs)).toBe(true);
    expect(integratedLufs).toBeGreaterThan(-30);
    expect(integratedLufs).toBeLessThan(-10);
    expect(truePeakDbtp).toBeLessThanOrEqual(0);
    expect(truePeakDbtp).toBeGreaterThan(-25);
  });

  it("gives silence finite numbers at the bottom of the scale", async () => {
    const silence = await makeWav(dir, { seconds: 2, amplitude: 0 });
    expect(await media.analyseLoudness(silence)).toEqual({ integratedLufs: -70, truePeakDbtp: -144 });
  });
});

describe("waveform", () => {
  it("has the requested number of points, all in 0..1, and a tone shows", async () => {
    const peaks = await media.waveformPeaks(wav, { points: 200 });
    expect(peaks).toHaveLength(200);
    for (const peak of peaks) {
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(1);
    }
    // The tone peaks at 0.1 of full scale; resampling and rounding may move that a little.
    expect(Math.max(...peaks)).toBeCloseTo(0.1, 1);
  });

  it("defaults to 1000 points and gives silence zeros", async () => {
    const silence = await makeWav(dir, { seconds: 1, amplitude: 0 });
    const peaks = await media.waveformPeaks(silence);
    expect(peaks).toHaveLength(1000);
    expect(new Set(peaks)).toEqual(new Set([0]));
  });

  it("reads compressed audio too", async () => {
    const peaks = await media.waveformPeaks(mp3, { points: 50 });
    expect(peaks).toHaveLength(50);
    expect(Math.max(...peaks)).toBeGreaterThan(0);
  });
});

describe("artwork", () => {
  it("extracts an MP3's embedded cover as an image, and finds none in a WAV", async () => {
    const cover = path.join(dir, "cover");
    expect(await media.extractEmbeddedCover(mp3, cover)).toBe(true);
    const info = await sharp(cover).metadata();
    expect(info).toMatchObject({ format: "jpeg", width: 400, height: 400 });
    expect(await media.extractEmbeddedCover(wav, path.join(dir, "no-cover"))).toBe(false);
    await expect(stat(path.join(dir, "no-cover"))).rejects.toThrow(/ENOENT/);
  });

  it("extracts a FLAC's PNG cover, and ffmpeg can copy the picture stream out too", async () => {
    const png = await makeImage(dir, { width: 64, height: 64 });
    const flac = path.join(dir, "with-cover.flac");
    const { ffmpeg, ffprobe } = resolveFfmpeg();
    await run(
      ffmpeg,
      ["-v", "error", "-i", wav, "-i", png, "-map", "0:a", "-map", "1:v", "-c:a", "flac"].concat([
        "-c:v",
        "png",
        "-disposition:v",
        "attached_pic",
        "-y",
        flac,
      ]),
    );
    expect((await media.probe(flac)).hasEmbeddedCover).toBe(true);
    const cover = path.join(dir, "flac-cover");
    expect(await media.extractEmbeddedCover(flac, cover)).toBe(true);
    expect(await sharp(cover).metadata()).toMatchObject({ format: "png", width: 64, height: 64 });
    // The fallback for pictures music-metadata does not see.
    const tools = { ffmpeg, ffprobe, logger: createLogger("silent") };
    const copied = path.join(dir, "copied cover 100%.jpg");
    expect(await copyCoverStream(tools, mp3, copied)).toBe(true);
    expect(await sharp(copied).metadata()).toMatchObject({ format: "jpeg", width: 400, height: 400 });
    expect(await copyCoverStream(tools, wav, path.join(dir, "none.jpg"))).toBe(false);
  });

  it("renders square 1200 and 300 px JPEGs without metadata from a wide image", async () => {
    const out = path.join(dir, "artwork");
    const rendered = await media.renderArtwork(await makeImage(dir, { width: 640, height: 400 }), out);
    expect(rendered).toEqual([
      { name: "large", file: path.join(out, "large.jpg"), width: 1200, height: 1200 },
      { name: "small", file: path.join(out, "small.jpg"), width: 300, height: 300 },
    ]);
    for (const { file, width } of rendered) {
      const info = await sharp(await readFile(file)).metadata();
      expect(info).toMatchObject({ format: "jpeg", width, height: width });
      expect(info.exif).toBeUndefined();
      expect(info.icc).toBeUndefined();
    }
  });

  it("refuses to render artwork from something that is not an image", async () => {
    await expect(media.renderArtwork(await makeNotAudio(dir), path.join(dir, "nope"))).rejects.toBeInstanceOf(
      UnsupportedMediaError,
    );
    await expect(media.renderArtwork(wav, path.join(dir, "nope"))).rejects.toBeInstanceOf(UnsupportedMediaError);
  });
});
