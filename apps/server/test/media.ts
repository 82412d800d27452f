import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { resolveFfmpeg } from "../src/platform/media/index.ts";

/**
 * Tiny media files made by the real ffmpeg at test time, into a directory the test owns. Each
 * call writes a new, uniquely named file and returns its path.
 */

const run = promisify(execFile);
const { ffmpeg } = resolveFfmpeg();

async function ffmpegTo(dir: string, extension: string, args: string[]): Promise<string> {
  const file = path.join(dir, `${randomUUID()}.${extension}`);
  // A fixture that hangs must not outlive its test: vitest's hook timeout leaves child processes running.
  await run(ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", ...args, "-y", file], {
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
  return file;
}

export interface ToneOptions {
  seconds: number;
  sampleRate?: number;
  channels?: number;
  /** Hz; 440 unless told. */
  frequency?: number;
  /** Peak amplitude, 0..1: 0.1 is −20 dBFS (the default), 0 is digital silence. */
  amplitude?: number;
}

/** A sine tone as an ffmpeg lavfi input, so every channel peaks at exactly `amplitude`. */
function toneInput({ seconds, sampleRate = 44_100, channels = 2, frequency = 440, amplitude = 0.1 }: ToneOptions) {
  const channel = `${amplitude}*sin(2*PI*${frequency}*t)`;
  const expression = Array.from({ length: channels }, () => channel).join("|");
  return ["-f", "lavfi", "-i", `aevalsrc=${expression}:s=${sampleRate}:d=${seconds}`];
}

export type AudioKind = "wav" | "flac" | "aiff" | "mp3" | "m4a-aac" | "m4a-alac" | "ogg-vorbis" | "ogg-opus";

const encodings: Record<AudioKind, { extension: string; args: string[] }> = {
  wav: { extension: "wav", args: ["-c:a", "pcm_s16le"] },
  flac: { extension: "flac", args: ["-c:a", "flac"] },
  aiff: { extension: "aiff", args: ["-c:a", "pcm_s16be"] },
  mp3: { extension: "mp3", args: ["-c:a", "libmp3lame", "-b:a", "128k"] },
  "m4a-aac": { extension: "m4a", args: ["-c:a", "aac", "-b:a", "128k"] },
  "m4a-alac": { extension: "m4a", args: ["-c:a", "alac"] },
  "ogg-vorbis": { extension: "ogg", args: ["-c:a", "libvorbis"] },
  // Opus runs at 48 kHz only; ffmpeg would refuse a 44.1 kHz tone without the resample.
  "ogg-opus": { extension: "opus", args: ["-c:a", "libopus", "-ar", "48000"] },
};

/** A sine tone in any container and codec we accept. */
export function makeAudio(dir: string, kind: AudioKind, options: ToneOptions): Promise<string> {
  const encoding = encodings[kind];
  return ffmpegTo(dir, encoding.extension, [...toneInput(options), ...encoding.args]);
}

export const makeWav = (dir: string, options: ToneOptions) => makeAudio(dir, "wav", options);
export const makeFlac = (dir: string, options: ToneOptions) => makeAudio(dir, "flac", options);

/** A PNG test card (ffmpeg's testsrc): a non-square one shows that covers are cropped square. */
export function makeImage(dir: string, { width = 640, height = 400 }: { width?: number; height?: number } = {}) {
  return ffmpegTo(dir, "png", [
    "-f",
    "lavfi",
    "-i",
    `testsrc=size=${width}x${height}:rate=1:duration=1`,
    "-frames:v",
    "1",
  ]);
}

export interface Mp3Tags {
  seconds: number;
  title: string;
  artist: string;
  album: string;
  genre: string;
  year: number;
}

/** An MP3 with ID3v2.3 tags and a JPEG front cover made from ffmpeg's test card. */
export function makeMp3WithCover(dir: string, { seconds, title, artist, album, genre, year }: Mp3Tags) {
  return ffmpegTo(dir, "mp3", [
    ...toneInput({ seconds }),
    ...["-f", "lavfi", "-i", "testsrc=size=400x400:rate=1:duration=1", "-frames:v", "1"],
    ...["-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-b:a", "128k", "-c:v", "mjpeg"],
    ...[
      "-disposition:v",
      "attached_pic",
      "-metadata:s:v",
      "title=Album cover",
      "-metadata:s:v",
      "comment=Cover (front)",
    ],
    ...["-id3v2_version", "3", "-metadata", `title=${title}`, "-metadata", `artist=${artist}`],
    ...["-metadata", `album=${album}`, "-metadata", `genre=${genre}`, "-metadata", `date=${year}`],
  ]);
}

/**
 * A 4-second FLAC cut in half: its header still promises 4 seconds, so it probes as valid and
 * fails when the audio runs out. `kind: "m4a"` cuts an M4A instead, which loses its index and
 * does not probe at all.
 */
export async function makeTruncated(dir: string, { kind = "flac" }: { kind?: "flac" | "m4a" } = {}) {
  const whole = await makeAudio(dir, kind === "flac" ? "flac" : "m4a-aac", { seconds: 4 });
  const bytes = await readFile(whole);
  const file = path.join(dir, `${randomUUID()}-truncated.${kind}`);
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return file;
}

/** Something uploaded by mistake: a text file, or a PNG picture. */
export async function makeNotAudio(dir: string, { kind = "text" }: { kind?: "text" | "png" } = {}) {
  if (kind === "png") return makeImage(dir);
  const file = path.join(dir, `${randomUUID()}.txt`);
  await writeFile(file, "These are the lyrics, not the song.\n".repeat(20));
  return file;
}

/** An MP4 with a video stream and no audio at all. */
export function makeVideoOnly(dir: string, { seconds = 1 }: { seconds?: number } = {}) {
  return ffmpegTo(dir, "mp4", [
    ...["-f", "lavfi", "-i", `testsrc=size=160x120:rate=10:duration=${seconds}`],
    ...["-c:v", "mpeg4", "-an"],
  ]);
}

/** A WAV with a header and no samples. */
export function makeEmptyWav(dir: string) {
  return ffmpegTo(dir, "wav", ["-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo", "-t", "0", "-c:a", "pcm_s16le"]);
}
