import { open } from "node:fs/promises";
import { type IAudioMetadata, parseFile } from "music-metadata";
import type { Logger } from "../logger.ts";
import { type FfmpegLimits, loudnessArgs, probeArgs, waveformArgs, withFfmpegLimits } from "./args.ts";
import { imageInfo, renderArtwork } from "./artwork.ts";
import { extractEmbeddedCover } from "./cover.ts";
import { MediaProcessingError, UnsupportedMediaError } from "./errors.ts";
import { transcodeHls } from "./hls.ts";
import { parseEbur128Summary } from "./parsers.ts";
import { formatLabels, probeResultFromFfprobe } from "./probe-result.ts";
import { processFailure, runOrFail, runProcess } from "./process.ts";
import { resolveFfmpeg } from "./resolve.ts";
import { SNIFF_BYTES, sniffAudioFormat } from "./sniff.ts";
import type { AudioFormat, MediaToolkit, ProbeResult } from "./types.ts";
import { PeakAccumulator } from "./waveform.ts";

/** ffprobe reads headers and a few packets: a minute means it is stuck on a hostile file. */
const PROBE_TIMEOUT_MS = 60_000;

/** Low enough that an hour of audio is a few tens of MB streamed, high enough for drum hits to show. */
const WAVEFORM_SAMPLE_RATE = 8_000;

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function tagsOf(metadata: IAudioMetadata | null): ProbeResult["tags"] {
  const common = metadata?.common;
  const tags: ProbeResult["tags"] = {};
  const text = (value: string | undefined) => value?.trim() || undefined;
  const title = text(common?.title);
  const artist = text(common?.artist);
  const album = text(common?.album);
  const genre = text(common?.genre?.find((value) => value.trim()));
  if (title) tags.title = title;
  if (artist) tags.artist = artist;
  if (album) tags.album = album;
  if (genre) tags.genre = genre;
  if (common?.year && Number.isInteger(common.year) && common.year > 0) tags.year = common.year;
  return tags;
}

/** What an instance allows one ffmpeg run and one image decode (FFMPEG_THREADS, ARTWORK_MAX_PIXELS…). */
export interface MediaLimits {
  /** Threads per ffmpeg process. */
  ffmpegThreads: number;
  /** Seconds of audio any one ffmpeg run reads at most (the longest track allowed, plus slack). */
  maxInputSeconds?: number;
  /** Largest image decoded, width × height, checked from its header first. */
  artworkMaxPixels: number;
}

export const defaultMediaLimits: MediaLimits = { ffmpegThreads: 2, artworkMaxPixels: 40_000_000 };

export function createMediaToolkit(options: {
  ffmpegPath?: string;
  ffprobePath?: string;
  logger: Logger;
  limits?: Partial<MediaLimits>;
}): MediaToolkit {
  const { ffmpeg, ffprobe } =
    options.ffmpegPath && options.ffprobePath
      ? { ffmpeg: options.ffmpegPath, ffprobe: options.ffprobePath }
      : resolveFfmpeg(options.ffmpegPath);
  const logger = options.logger;
  const limits: MediaLimits = { ...defaultMediaLimits, ...options.limits };
  const ffmpegLimits: FfmpegLimits = { threads: limits.ffmpegThreads, maxInputSeconds: limits.maxInputSeconds };
  const limited = (args: string[]) => withFfmpegLimits(args, ffmpegLimits);

  /**
   * Tags are a courtesy: a file whose tags music-metadata cannot read is still audio ffmpeg can
   * play, so a failure here is logged, not thrown. For MP3 it also counts the frames when there is
   * no Xing header, because ffprobe then guesses the duration from the first frame's bit rate.
   */
  async function readMetadata(file: string, format: AudioFormat): Promise<IAudioMetadata | null> {
    try {
      return await parseFile(file, { duration: format === "mp3" });
    } catch (error) {
      logger.debug({ err: error, file }, "media: music-metadata could not read the tags");
      return null;
    }
  }

  async function ffprobeJson(file: string, format: AudioFormat): Promise<unknown> {
    const result = await runProcess(ffprobe, probeArgs(file), {
      logger,
      collectStdout: true,
      timeoutMs: PROBE_TIMEOUT_MS,
    });
    if (result.exitCode !== 0) {
      throw new UnsupportedMediaError(
        `The file looks like ${formatLabels[format]} but could not be read: it may be corrupt or truncated`,
        { cause: processFailure(result) },
      );
    }
    try {
      return JSON.parse(result.stdout);
    } catch (error) {
      throw new MediaProcessingError("ffprobe's report could not be read", {
        stderrTail: result.stdout.slice(-4096),
        cause: error,
      });
    }
  }

  const toolkit: MediaToolkit = {
    async probe(file) {
      const sniffed = sniffAudioFormat(await readHead(file));
      if (!sniffed) {
        throw new UnsupportedMediaError(
          "The file is not audio in a format we accept (WAV, AIFF, FLAC, M4A, MP3 or Ogg)",
        );
      }
      const [json, metadata] = await Promise.all([ffprobeJson(file, sniffed), readMetadata(file, sniffed)]);
      const mpegDuration = sniffed === "mp3" && metadata?.format.duration ? metadata.format.duration : null;
      return probeResultFromFfprobe(json, {
        tags: tagsOf(metadata),
        hasPicture: (metadata?.common.picture?.length ?? 0) > 0,
        durationMs: mpegDuration === null ? null : Math.round(mpegDuration * 1000),
      });
    },

    async analyseLoudness(file, { signal } = {}) {
      // The summary is the last thing ffmpeg prints, so the stderr tail holds it.
      const result = await runOrFail(ffmpeg, limited(loudnessArgs(file)), { logger, signal });
      const loudness = parseEbur128Summary(result.stderrTail);
      if (!loudness) {
        throw new MediaProcessingError("The loudness of the audio could not be measured", {
          stderrTail: result.stderrTail,
        });
      }
      return loudness;
    },

    async waveformPeaks(file, { points = 1000, signal } = {}) {
      const peaks = new PeakAccumulator(points);
      await runOrFail(ffmpeg, limited(waveformArgs(file, WAVEFORM_SAMPLE_RATE)), {
        logger,
        signal,
        onStdout: (chunk) => peaks.push(chunk),
      });
      return peaks.finish();
    },

    transcodeHls: (file, outDir, transcodeOptions) =>
      transcodeHls({ ffmpeg, logger, limit: limited }, file, outDir, transcodeOptions),

    extractEmbeddedCover: (file, outFile) =>
      extractEmbeddedCover({ ffmpeg, ffprobe, logger, limit: limited }, file, outFile),

    imageInfo: (file) => imageInfo(file, limits.artworkMaxPixels),

    renderArtwork: (input, outDir) => renderArtwork(input, outDir, limits.artworkMaxPixels),
  };
  return toolkit;
}
