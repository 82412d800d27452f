import { type Loudness, SILENCE_FLOOR_DB } from "./types.ts";

/** A dB figure as ffmpeg prints it: "-23.4", "-inf" or "inf". */
function parseDecibels(text: string): number {
  if (/^-inf$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^\+?inf$/i.test(text)) return Number.POSITIVE_INFINITY;
  return Number.parseFloat(text);
}

/**
 * The integrated loudness and true peak from the summary the ebur128 filter prints when it
 * finishes, or null when there is no complete summary (ffmpeg stopped early).
 */
export function parseEbur128Summary(stderr: string): Loudness | null {
  const start = stderr.lastIndexOf("Summary:");
  if (start < 0) return null;
  const summary = stderr.slice(start);
  const integrated = /\bI:\s+(-?inf|-?\d+(?:\.\d+)?)\s+LUFS/i.exec(summary)?.[1];
  const peak = /\bPeak:\s+(-?inf|-?\d+(?:\.\d+)?)\s+dBFS/i.exec(summary)?.[1];
  if (integrated === undefined || peak === undefined) return null;
  return {
    integratedLufs: Math.max(parseDecibels(integrated), SILENCE_FLOOR_DB),
    truePeakDbtp: Math.max(parseDecibels(peak), SILENCE_FLOOR_DB),
  };
}

export type ProgressEvent = { outTimeUs: number } | { end: true };

/**
 * One line of `ffmpeg -progress`. out_time_ms is in microseconds too (a long-standing ffmpeg
 * misnomer), so either key will do; "N/A" and the negative times of the first report are ignored.
 */
export function parseProgressLine(line: string): ProgressEvent | null {
  const separator = line.indexOf("=");
  if (separator < 0) return null;
  const key = line.slice(0, separator).trim();
  const value = line.slice(separator + 1).trim();
  if (key === "progress") return value === "end" ? { end: true } : null;
  if (key === "out_time_us" || key === "out_time_ms") {
    if (!/^\d+$/.test(value)) return null;
    return { outTimeUs: Number(value) };
  }
  return null;
}

/** How far into a `durationMs`-long input `outTimeUs` is, as an integer 0..100. */
export function progressPercent(outTimeUs: number, durationMs: number): number {
  if (!(durationMs > 0) || !(outTimeUs > 0)) return 0;
  return Math.min(100, Math.floor(outTimeUs / 10 / durationMs));
}

/** Keeps the last `limit` bytes of a stream, for error messages that stay small however chatty ffmpeg is. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit = 4096) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - (this.chunks[0]?.length ?? 0) >= this.limit) {
      this.size -= this.chunks.shift()?.length ?? 0;
    }
  }

  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString("utf8");
  }
}

const failureReasons: [RegExp, string][] = [
  [/No space left on device/i, "The server ran out of disk space while processing the audio"],
  [/Permission denied/i, "The server could not read or write a media file (permission denied)"],
  [/No such file or directory/i, "The audio file is missing"],
  [
    /matches no streams|does not contain any stream|Stream specifier .* matches no/i,
    "The file contains no audio stream",
  ],
  [/not on whitelist/i, "The file is not in an audio format we accept"],
  [
    /Invalid data found|moov atom not found|corrupt|truncat|decode_frame\(\) failed|invalid residual|Error while decoding|Header missing|Invalid PCM packet|invalid frame|end of file|partial file/i,
    "The audio data is corrupt or truncated",
  ],
  [/Unknown encoder|Encoder .*not found/i, "This ffmpeg build cannot encode AAC"],
  [/Cannot allocate memory|Out of memory/i, "The server ran out of memory while processing the audio"],
];

/** A short reason fit to show a creator, from what ffmpeg printed and how it ended. */
export function describeFfmpegFailure(
  stderrTail: string,
  exit: { code: number | null; signal: string | null },
): string {
  for (const [pattern, reason] of failureReasons) if (pattern.test(stderrTail)) return reason;
  if (exit.signal) return `Audio processing was interrupted (ffmpeg was killed by ${exit.signal})`;
  return `ffmpeg could not process the audio (exit code ${exit.code ?? "unknown"})`;
}
