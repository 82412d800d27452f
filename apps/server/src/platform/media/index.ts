export { ImageTooLargeError, MediaProcessingError, UnsupportedMediaError } from "./errors.ts";
export { resolveFfmpeg } from "./resolve.ts";
export { sniffAudioFormat } from "./sniff.ts";
export { createMediaToolkit, defaultMediaLimits, type MediaLimits } from "./toolkit.ts";
export {
  type Artwork,
  type AudioFormat,
  defaultLadder,
  type HlsOutput,
  type HlsRenditionOutput,
  type Loudness,
  type MediaToolkit,
  type ProbeResult,
  type Rendition,
  SILENCE_FLOOR_DB,
  type TranscodeHlsOptions,
} from "./types.ts";
