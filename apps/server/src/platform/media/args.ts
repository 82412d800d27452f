import path from "node:path";
import type { Rendition } from "./types.ts";

/**
 * Every ffmpeg and ffprobe command line, built here as argument arrays (never through a shell)
 * so they can be read and tested without running anything.
 */

/**
 * The demuxers we let ffmpeg use. Everything else it could auto-detect (playlists, concat
 * scripts, image sequences, dozens of exotic formats) is attack surface we do not need.
 */
export const ALLOWED_DEMUXERS = "wav,aiff,flac,mp3,ogg,mov";

/**
 * A local file as an ffmpeg input: the file: protocol means a name with a colon is never taken
 * for another protocol, or a leading dash for an option; only the file protocol is allowed.
 */
export function inputArgs(file: string): string[] {
  return ["-protocol_whitelist", "file", "-format_whitelist", ALLOWED_DEMUXERS, "-i", `file:${path.resolve(file)}`];
}

/** Quiet, non-interactive ffmpeg: no banner, no reading of our stdin, only errors on stderr. */
const quietFfmpeg = ["-hide_banner", "-nostdin", "-nostats", "-v", "error"];

/** Only the first audio stream: no video (cover art), subtitles or data. */
const firstAudioOnly = ["-map", "0:a:0", "-vn", "-sn", "-dn"];

export function probeArgs(file: string): string[] {
  return ["-hide_banner", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", ...inputArgs(file)];
}

/**
 * EBU R128 with true peak. The summary is logged at "info", so this runs at that level;
 * framelog=verbose keeps the ten-lines-a-second per-frame log out of it.
 */
export function loudnessArgs(file: string): string[] {
  return [
    "-hide_banner",
    "-nostdin",
    "-nostats",
    "-v",
    "info",
    ...inputArgs(file),
    ...firstAudioOnly,
    "-af",
    "ebur128=peak=true:framelog=verbose",
    "-f",
    "null",
    "-",
  ];
}

/** Mono signed 16-bit samples on stdout, at a rate low enough to stream hours of audio cheaply. */
export function waveformArgs(file: string, sampleRate: number): string[] {
  return [
    ...quietFfmpeg,
    ...inputArgs(file),
    ...firstAudioOnly,
    "-ac",
    "1",
    "-ar",
    String(sampleRate),
    "-c:a",
    "pcm_s16le",
    "-f",
    "s16le",
    "pipe:1",
  ];
}

/**
 * One rendition of the HLS ladder: AAC-LC in fMP4 segments and a VOD playlist, progress as
 * key=value lines on stdout. The outputs are relative: ffmpeg runs with the rendition's directory
 * as its working directory, so a caller's directory name is never read as an ffmpeg pattern
 * (a "%" in it would be).
 */
export function hlsRenditionArgs(
  file: string,
  rendition: Rendition,
  options: { segmentSeconds: number; sampleRate: number },
): string[] {
  return [
    ...quietFfmpeg,
    "-progress",
    "pipe:1",
    ...inputArgs(file),
    ...firstAudioOnly,
    "-map_metadata",
    "-1",
    "-map_chapters",
    "-1",
    "-c:a",
    "aac",
    "-profile:a",
    "aac_low",
    "-b:a",
    String(rendition.bitrate),
    "-ar",
    String(options.sampleRate),
    "-ac",
    "2",
    "-f",
    "hls",
    "-hls_time",
    String(options.segmentSeconds),
    "-hls_playlist_type",
    "vod",
    "-hls_segment_type",
    "fmp4",
    "-hls_fmp4_init_filename",
    HLS_INIT_FILE,
    "-hls_segment_filename",
    HLS_SEGMENT_PATTERN,
    "-y",
    HLS_PLAYLIST_FILE,
  ];
}

export const HLS_PLAYLIST_FILE = "playlist.m3u8";
export const HLS_INIT_FILE = "init.mp4";
export const HLS_SEGMENT_PATTERN = "segment_%05d.m4s";

/** Copies one embedded picture stream, as stored (JPEG or PNG), into a single image file. */
export function coverArgs(file: string, streamIndex: number, outFile: string): string[] {
  return [
    ...quietFfmpeg,
    ...inputArgs(file),
    "-map",
    `0:${streamIndex}`,
    "-an",
    "-c:v",
    "copy",
    "-frames:v",
    "1",
    "-f",
    "image2",
    // -update writes one file under exactly this name instead of expanding it as a pattern.
    "-update",
    "1",
    "-y",
    `file:${path.resolve(outFile)}`,
  ];
}

/** AAC output stays in the source's family: 48 kHz sources (48, 96, 192…) at 48 kHz, the rest at 44.1 kHz. */
export function outputSampleRate(sourceSampleRate?: number): 44_100 | 48_000 {
  if (!sourceSampleRate) return 44_100;
  return sourceSampleRate % 11_025 !== 0 && sourceSampleRate % 8_000 === 0 ? 48_000 : 44_100;
}

/** Bounds on one ffmpeg run: its threads, and how much of the input it may read. */
export interface FfmpegLimits {
  /** Threads per ffmpeg (decoder, encoder and filters); several run at once for one track. */
  threads: number;
  /**
   * Seconds of input read at most. The duration is checked from the probe before any decoding,
   * but a crafted header can understate it: this bounds the work whatever the header says.
   */
  maxInputSeconds?: number;
}

/**
 * An ffmpeg command line with its limits applied: `-filter_threads` globally, `-threads` (and
 * `-t`) as input options before the input, `-threads` again as an output option before the
 * output, which every command line here ends with.
 */
export function withFfmpegLimits(args: string[], limits: FfmpegLimits): string[] {
  const threads = String(limits.threads);
  const input = args.indexOf("-protocol_whitelist");
  if (input < 0 || args.length < 2) throw new Error("withFfmpegLimits needs a command line built with inputArgs");
  const inputLimits = ["-threads", threads];
  if (limits.maxInputSeconds !== undefined) inputLimits.push("-t", String(limits.maxInputSeconds));
  return [
    "-filter_threads",
    threads,
    ...args.slice(0, input),
    ...inputLimits,
    ...args.slice(input, -1),
    "-threads",
    threads,
    ...args.slice(-1),
  ];
}
