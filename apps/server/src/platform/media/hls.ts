import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../logger.ts";
import { HLS_INIT_FILE, HLS_PLAYLIST_FILE, hlsRenditionArgs, outputSampleRate } from "./args.ts";
import { MediaProcessingError } from "./errors.ts";
import { parseProgressLine, progressPercent } from "./parsers.ts";
import { masterPlaylist, parseMediaPlaylist, renditionBandwidth } from "./playlist.ts";
import { abortReason, type ProcessResult, runOrFail } from "./process.ts";
import { defaultLadder, type HlsOutput, type Rendition, type TranscodeHlsOptions } from "./types.ts";

/** AAC-LC, as RFC 6381 names it for CODECS. */
export const AAC_LC_CODECS = "mp4a.40.2";
const MASTER_PLAYLIST = "master.m3u8";

interface Tools {
  ffmpeg: string;
  logger: Logger;
  /** Applies the instance's ffmpeg limits (threads, input length) to a command line. */
  limit?: (args: string[]) => string[];
}

function checkLadder(renditions: Rendition[]): void {
  if (renditions.length === 0) throw new Error("transcodeHls needs at least one rendition");
  const names = new Set<string>();
  for (const { name, bitrate } of renditions) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || names.has(name)) {
      throw new Error(`Rendition names must be unique and made of letters, digits, - and _: ${JSON.stringify(name)}`);
    }
    if (!Number.isInteger(bitrate) || bitrate < 8_000)
      throw new Error(`Rendition ${name} has a bad bitrate ${bitrate}`);
    names.add(name);
  }
}

/** One number for several processes: the mean of their percentages, never going back, 100 only when published. */
function progressReporter(count: number, onProgress: ((percent: number) => void) | undefined, logger: Logger) {
  const percents = new Array<number>(count).fill(0);
  let reported = -1;
  const report = (percent: number) => {
    if (percent <= reported) return;
    reported = percent;
    try {
      onProgress?.(percent);
    } catch (error) {
      logger.warn({ err: error }, "media: an HLS progress callback threw");
    }
  };
  return {
    update(index: number, percent: number) {
      percents[index] = Math.max(percents[index] ?? 0, percent);
      report(Math.min(99, Math.floor(percents.reduce((sum, value) => sum + value, 0) / count)));
    },
    report,
  };
}

/**
 * Encodes the ladder into `staging`, one ffmpeg process per rendition, all at once. Measured on a
 * 4-minute stereo 44.1 kHz WAV on 2 cores: one ffmpeg decoding once into three outputs took 11.3 s
 * (ffmpeg 5.1 runs its encoders one after another on one core), two processes (256k | 64k+128k)
 * about 7 s, three processes 6.0 s, for the same ~11 s of CPU. The native AAC encoder is
 * single-threaded, decoding the source again per process costs next to nothing, and the scheduler
 * spreads three processes evenly over the cores. If one fails, the others are killed.
 */
async function encodeRenditions(
  tools: Tools,
  input: string,
  staging: string,
  renditions: Rendition[],
  options: TranscodeHlsOptions & { segmentSeconds: number },
  progress: ReturnType<typeof progressReporter>,
): Promise<ProcessResult[]> {
  const failed = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal;
  const sampleRate = outputSampleRate(options.sourceSampleRate);
  const runs = renditions.map(async (rendition, index) => {
    const cwd = path.join(staging, rendition.name);
    await mkdir(cwd);
    const unlimited = hlsRenditionArgs(input, rendition, { segmentSeconds: options.segmentSeconds, sampleRate });
    const args = tools.limit ? tools.limit(unlimited) : unlimited;
    return runOrFail(tools.ffmpeg, args, {
      logger: tools.logger,
      signal,
      cwd,
      onStdoutLine(line) {
        const event = parseProgressLine(line);
        if (!event) return;
        progress.update(index, "end" in event ? 100 : progressPercent(event.outTimeUs, options.durationMs));
      },
    }).catch((error: unknown) => {
      failed.abort(error);
      throw error;
    });
  });
  const settled = await Promise.allSettled(runs);
  if (options.signal?.aborted) throw abortReason(options.signal);
  const results: ProcessResult[] = [];
  for (const outcome of settled) {
    if (outcome.status === "rejected") throw outcome.reason;
    results.push(outcome.value);
  }
  return results;
}

/**
 * Checks what ffmpeg wrote for one rendition and measures it. ffmpeg exits 0 on a FLAC or MP3
 * cut short, having encoded what it could decode: output much shorter than the input declares
 * is how a truncated upload shows.
 */
async function inspectRendition(
  directory: string,
  rendition: Rendition,
  durationMs: number,
  run: ProcessResult | undefined,
) {
  const playlist = parseMediaPlaylist(await readFile(path.join(directory, HLS_PLAYLIST_FILE), "utf8"));
  if (!playlist.ended || playlist.initUri !== HLS_INIT_FILE || playlist.segments.length === 0) {
    throw new MediaProcessingError("The audio could not be converted for streaming", {
      stderrTail: `incomplete playlist for ${rendition.name}\n${run?.stderrTail ?? ""}`,
    });
  }
  await stat(path.join(directory, HLS_INIT_FILE));
  const segments = await Promise.all(
    playlist.segments.map(async (segment) => ({
      bytes: (await stat(path.join(directory, segment.uri))).size,
      seconds: segment.seconds,
    })),
  );
  const producedMs = segments.reduce((sum, segment) => sum + segment.seconds * 1000, 0);
  if (durationMs - producedMs > Math.max(1000, durationMs * 0.1)) {
    throw new MediaProcessingError("The audio data is corrupt or truncated", {
      stderrTail: `decoded ${Math.round(producedMs)} ms of the ${durationMs} ms the file declares\n${run?.stderrTail ?? ""}`,
    });
  }
  return renditionBandwidth(segments, rendition.bitrate);
}

/** Moves the finished directory into place in one rename; a previous version is moved aside first, then removed. */
async function publish(staging: string, target: string): Promise<void> {
  try {
    await rename(staging, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
  const previous = path.join(path.dirname(target), `.${path.basename(target)}.old-${randomUUID()}`);
  await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}

/**
 * The HLS ladder for `file` in `outDir`: <name>/playlist.m3u8, init.mp4 and segment_NNNNN.m4s per
 * rendition, and master.m3u8. Everything is written to a hidden directory beside `outDir` and
 * appears in one rename, so a reader (or a retried job) never sees half a ladder.
 */
export async function transcodeHls(
  tools: Tools,
  file: string,
  outDir: string,
  options: TranscodeHlsOptions,
): Promise<HlsOutput> {
  const renditions = options.renditions ?? defaultLadder;
  const segmentSeconds = options.segmentSeconds ?? 6;
  checkLadder(renditions);
  if (!(segmentSeconds > 0)) throw new Error(`segmentSeconds must be positive, not ${segmentSeconds}`);
  options.signal?.throwIfAborted();
  const input = path.resolve(file);
  const target = path.resolve(outDir);
  await mkdir(path.dirname(target), { recursive: true });
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.partial-${randomUUID()}`);
  await mkdir(staging);
  const progress = progressReporter(renditions.length, options.onProgress, tools.logger);
  try {
    progress.report(0);
    const runs = await encodeRenditions(tools, input, staging, renditions, { ...options, segmentSeconds }, progress);
    const measured = await Promise.all(
      renditions.map(async (rendition, index) => ({
        output: {
          name: rendition.name,
          bitrate: rendition.bitrate,
          playlist: `${rendition.name}/${HLS_PLAYLIST_FILE}`,
          codecs: AAC_LC_CODECS,
        },
        ...(await inspectRendition(path.join(staging, rendition.name), rendition, options.durationMs, runs[index])),
      })),
    );
    const master = masterPlaylist(
      measured.map(({ output, bandwidth, averageBandwidth }) => ({
        playlist: output.playlist,
        codecs: output.codecs,
        bandwidth,
        averageBandwidth,
      })),
    );
    await writeFile(path.join(staging, MASTER_PLAYLIST), master);
    options.signal?.throwIfAborted();
    await publish(staging, target);
    progress.report(100);
    return { masterPlaylist: MASTER_PLAYLIST, renditions: measured.map(({ output }) => output) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
