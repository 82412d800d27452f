import { describe, expect, it } from "vitest";
import { UnsupportedMediaError } from "./errors.ts";
import {
  describeFfmpegFailure,
  parseEbur128Summary,
  parseProgressLine,
  progressPercent,
  TailBuffer,
} from "./parsers.ts";
import { coverStreamIndex, formatFromFfprobe, probeResultFromFfprobe } from "./probe-result.ts";

const summary = (integrated: string, peak: string) => `
[Parsed_ebur128_0 @ 0x55d424b3f680] t: 3.9 TARGET:-23 LUFS M: -21.8 S: -21.8 I: -21.8 LUFS
size=N/A time=00:00:04.00 bitrate=N/A speed= 166x
[Parsed_ebur128_0 @ 0x55d424b3f680] Summary:

  Integrated loudness:
    I:         ${integrated} LUFS
    Threshold: -31.8 LUFS

  Loudness range:
    LRA:         0.0 LU
    Threshold: -41.8 LUFS
    LRA low:   -21.8 LUFS
    LRA high:  -21.8 LUFS

  True peak:
    Peak:      ${peak} dBFS
`;

describe("ebur128 summary", () => {
  it("reads integrated loudness and true peak from the summary, not from frame lines", () => {
    expect(parseEbur128Summary(summary("-14.2", "-1.3"))).toEqual({ integratedLufs: -14.2, truePeakDbtp: -1.3 });
    expect(parseEbur128Summary(summary("-9.0", "0.4"))).toEqual({ integratedLufs: -9, truePeakDbtp: 0.4 });
  });

  it("floors silence's -inf at a finite value", () => {
    expect(parseEbur128Summary(summary("-70.0", "-inf"))).toEqual({ integratedLufs: -70, truePeakDbtp: -144 });
  });

  it("returns null without a complete summary", () => {
    expect(parseEbur128Summary("Error while decoding stream #0:0")).toBeNull();
    expect(parseEbur128Summary("[Parsed_ebur128_0] Summary:\n  Integrated loudness:\n    I: -20.0 LUFS\n")).toBeNull();
  });
});

describe("ffmpeg -progress", () => {
  it("reads out_time_us, out_time_ms (also microseconds) and the end marker", () => {
    expect(parseProgressLine("out_time_us=1500000")).toEqual({ outTimeUs: 1_500_000 });
    expect(parseProgressLine("out_time_ms=1500000")).toEqual({ outTimeUs: 1_500_000 });
    expect(parseProgressLine("progress=end")).toEqual({ end: true });
    expect(parseProgressLine("progress=continue")).toBeNull();
    expect(parseProgressLine("out_time_us=N/A")).toBeNull();
    expect(parseProgressLine("out_time_us=-23220")).toBeNull();
    expect(parseProgressLine("out_time=00:00:01.500000")).toBeNull();
    expect(parseProgressLine("speed= 899x")).toBeNull();
    expect(parseProgressLine("garbage")).toBeNull();
  });

  it("turns a position into a whole percentage of the duration, clamped to 0..100", () => {
    expect(progressPercent(1_500_000, 3000)).toBe(50);
    expect(progressPercent(2_999_000, 3000)).toBe(99);
    expect(progressPercent(4_000_000, 3000)).toBe(100);
    expect(progressPercent(0, 3000)).toBe(0);
    expect(progressPercent(1_000_000, 0)).toBe(0);
  });
});

describe("ffmpeg failures", () => {
  const failed = { code: 1, signal: null };
  it.each([
    ["[flac @ 0x1] invalid residual\n[flac @ 0x1] decode_frame() failed", "The audio data is corrupt or truncated"],
    ["[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found", "The audio data is corrupt or truncated"],
    ["x.wav: Invalid data found when processing input", "The audio data is corrupt or truncated"],
    ["Stream map '0:a:0' matches no streams.", "The file contains no audio stream"],
    ["segment_00003.m4s: No space left on device", "The server ran out of disk space while processing the audio"],
    ["/in/a.wav: No such file or directory", "The audio file is missing"],
    ["[mp3 @ 0x1] Format not on whitelist 'wav,aiff'", "The file is not in an audio format we accept"],
  ])("explains %j", (stderr, reason) => {
    expect(describeFfmpegFailure(stderr, failed)).toBe(reason);
  });

  it("falls back to how ffmpeg ended", () => {
    expect(describeFfmpegFailure("", { code: null, signal: "SIGKILL" })).toMatch(/killed by SIGKILL/);
    expect(describeFfmpegFailure("something new", { code: 69, signal: null })).toMatch(/exit code 69/);
  });
});

describe("stderr tail", () => {
  it("keeps only the last bytes however much arrives", () => {
    const tail = new TailBuffer(10);
    for (let i = 0; i < 1000; i++) tail.push(Buffer.from(`line ${i}\n`));
    expect(tail.toString()).toBe("\nline 999\n");
    const small = new TailBuffer(4096);
    small.push(Buffer.from("short"));
    expect(small.toString()).toBe("short");
  });
});

const audioStream = (overrides: Record<string, unknown> = {}) => ({
  index: 0,
  codec_type: "audio",
  codec_name: "pcm_s16le",
  sample_rate: "44100",
  channels: 2,
  duration: "4.000000",
  bit_rate: "1411200",
  disposition: { attached_pic: 0 },
  ...overrides,
});
const coverStream = { index: 1, codec_type: "video", codec_name: "mjpeg", disposition: { attached_pic: 1 } };
const ffprobe = (formatName: string, streams: unknown[], format: Record<string, unknown> = {}) => ({
  format: { format_name: formatName, duration: "4.000000", bit_rate: "1411308", ...format },
  streams,
});
const noMetadata = { tags: {}, hasPicture: false };

describe("ffprobe JSON to ProbeResult", () => {
  it("maps a WAV", () => {
    expect(probeResultFromFfprobe(ffprobe("wav", [audioStream()]), noMetadata)).toEqual({
      format: "wav",
      codec: "pcm_s16le",
      durationMs: 4000,
      sampleRate: 44100,
      channels: 2,
      bitRate: 1411308,
      hasEmbeddedCover: false,
      tags: {},
    });
  });

  it("names containers as we do", () => {
    expect(formatFromFfprobe("mov,mp4,m4a,3gp,3g2,mj2")).toBe("m4a");
    expect(formatFromFfprobe("aiff")).toBe("aiff");
    expect(formatFromFfprobe("ogg")).toBe("ogg");
    expect(formatFromFfprobe("matroska,webm")).toBeNull();
  });

  it("detects cover art from an attached picture or from music-metadata, and takes its tags and MP3 duration", () => {
    const mp3 = ffprobe("mp3", [audioStream({ codec_name: "mp3" }), coverStream]);
    expect(coverStreamIndex(mp3)).toBe(1);
    const tags = { title: "Nocturne", year: 2024 };
    expect(probeResultFromFfprobe(mp3, { tags, hasPicture: false, durationMs: 4049 })).toMatchObject({
      format: "mp3",
      hasEmbeddedCover: true,
      durationMs: 4049,
      tags,
    });
    const ogg = ffprobe("ogg", [audioStream({ codec_name: "vorbis" })]);
    expect(coverStreamIndex(ogg)).toBeNull();
    expect(probeResultFromFfprobe(ogg, { tags: {}, hasPicture: true }).hasEmbeddedCover).toBe(true);
  });

  it("falls back to the stream's duration and leaves an unknown bit rate null", () => {
    const result = probeResultFromFfprobe(
      ffprobe("flac", [audioStream({ codec_name: "flac", bit_rate: undefined, duration: "2.5" })], {
        duration: undefined,
        bit_rate: undefined,
      }),
      noMetadata,
    );
    expect(result).toMatchObject({ durationMs: 2500, bitRate: null });
  });

  it.each([
    ["a container we do not take", ffprobe("matroska,webm", [audioStream({ codec_name: "opus" })]), /matroska/],
    ["a video without audio", ffprobe("mov,mp4,m4a,3gp,3g2,mj2", [{ index: 0, codec_type: "video" }]), /video without/],
    ["no streams at all", ffprobe("wav", []), /no audio stream/],
    [
      "a codec the container may hold but we do not take",
      ffprobe("mov,mp4,m4a", [audioStream({ codec_name: "ac3" })]),
      /M4A files with ac3/,
    ],
    ["zero duration", ffprobe("wav", [audioStream({ duration: undefined })], { duration: undefined }), /no duration/],
    ["no sample rate", ffprobe("wav", [audioStream({ sample_rate: "0" })]), /sample rate/],
    ["nothing", null, /unknown/],
  ])("refuses %s", (_, json, message) => {
    expect(() => probeResultFromFfprobe(json, noMetadata)).toThrow(UnsupportedMediaError);
    expect(() => probeResultFromFfprobe(json, noMetadata)).toThrow(message);
  });
});
