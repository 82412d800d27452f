import { UnsupportedMediaError } from "./errors.ts";
import type { AudioFormat, ProbeResult } from "./types.ts";

/** Shown to people: the container as they know it. */
export const formatLabels: Record<AudioFormat, string> = {
  wav: "WAV",
  aiff: "AIFF",
  flac: "FLAC",
  m4a: "M4A",
  mp3: "MP3",
  ogg: "Ogg",
};

/** The codecs we take in each container; anything else is refused before we spend time on it. */
const acceptedCodecs: Record<AudioFormat, (codec: string) => boolean> = {
  wav: (codec) => codec.startsWith("pcm_"),
  aiff: (codec) => codec.startsWith("pcm_"),
  flac: (codec) => codec === "flac",
  m4a: (codec) => codec === "aac" || codec === "alac",
  mp3: (codec) => codec === "mp3",
  ogg: (codec) => codec === "vorbis" || codec === "opus" || codec === "flac",
};

/** ffprobe's format_name ("mov,mp4,m4a,3gp,3g2,mj2", "wav", …) as one of ours. */
export function formatFromFfprobe(formatName: string): AudioFormat | null {
  const names = formatName.split(",");
  if (names.includes("wav")) return "wav";
  if (names.includes("aiff")) return "aiff";
  if (names.includes("flac")) return "flac";
  if (names.includes("mp3")) return "mp3";
  if (names.includes("ogg")) return "ogg";
  if (names.includes("mov") || names.includes("mp4") || names.includes("m4a")) return "m4a";
  return null;
}

interface FfprobeStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  bit_rate?: string;
  disposition?: { attached_pic?: number };
}

interface FfprobeOutput {
  format?: { format_name?: string; duration?: string; bit_rate?: string };
  streams?: FfprobeStream[];
}

function positiveNumber(value: string | number | undefined): number | null {
  const number = typeof value === "number" ? value : Number.parseFloat(value ?? "");
  return Number.isFinite(number) && number > 0 ? number : null;
}

/** The index of the first embedded picture (cover art) stream, or null. */
export function coverStreamIndex(json: unknown): number | null {
  const streams = (json as FfprobeOutput | null)?.streams ?? [];
  const cover = streams.find((stream) => stream.codec_type === "video" && stream.disposition?.attached_pic === 1);
  return cover?.index ?? null;
}

/**
 * Maps `ffprobe -show_format -show_streams` JSON to a ProbeResult, refusing, with a message fit
 * for the uploader, what is not audio we accept. `tags` and `hasPicture` come from music-metadata;
 * `durationMs` overrides ffprobe's where music-metadata knows better (an MP3's frame count).
 */
export function probeResultFromFfprobe(
  json: unknown,
  metadata: { tags: ProbeResult["tags"]; hasPicture: boolean; durationMs?: number | null },
): ProbeResult {
  const output = (json ?? {}) as FfprobeOutput;
  const formatName = output.format?.format_name ?? "";
  const format = formatFromFfprobe(formatName);
  if (!format) throw new UnsupportedMediaError(`Files in the "${formatName || "unknown"}" format are not accepted`);
  const label = formatLabels[format];
  const streams = output.streams ?? [];
  const audio = streams.find((stream) => stream.codec_type === "audio");
  if (!audio) {
    const hasVideo = streams.some((stream) => stream.codec_type === "video" && stream.disposition?.attached_pic !== 1);
    throw new UnsupportedMediaError(
      hasVideo ? "The file is a video without an audio stream" : "The file contains no audio stream",
    );
  }
  const codec = audio.codec_name ?? "unknown";
  if (!acceptedCodecs[format](codec)) {
    throw new UnsupportedMediaError(`${label} files with ${codec} audio are not accepted`);
  }
  const seconds = positiveNumber(output.format?.duration) ?? positiveNumber(audio.duration);
  const durationMs = metadata.durationMs ?? (seconds === null ? null : Math.round(seconds * 1000));
  if (!durationMs || durationMs <= 0) throw new UnsupportedMediaError("The audio is empty: it has no duration");
  const sampleRate = positiveNumber(audio.sample_rate);
  const channels = positiveNumber(audio.channels);
  if (sampleRate === null || channels === null) {
    throw new UnsupportedMediaError(`The ${label} file's audio stream has no sample rate or channels`);
  }
  const bitRate = positiveNumber(output.format?.bit_rate) ?? positiveNumber(audio.bit_rate);
  return {
    format,
    codec,
    durationMs,
    sampleRate,
    channels,
    bitRate: bitRate === null ? null : Math.round(bitRate),
    hasEmbeddedCover: coverStreamIndex(json) !== null || metadata.hasPicture,
    tags: metadata.tags,
  };
}
