/** One step of the HLS ladder: a directory name and the AAC bit rate it is encoded at. */
export interface Rendition {
  name: string;
  bitrate: number;
}

/** AAC-LC at three bit rates: enough for a poor mobile link, everyday listening, and near-transparent. */
export const defaultLadder: Rendition[] = [
  { name: "64k", bitrate: 64_000 },
  { name: "128k", bitrate: 128_000 },
  { name: "256k", bitrate: 256_000 },
];

export type AudioFormat = "wav" | "aiff" | "flac" | "m4a" | "mp3" | "ogg";

export interface ProbeResult {
  /** The container, as we accept it. */
  format: AudioFormat;
  /** ffprobe's codec_name of the audio stream: pcm_s16le, flac, alac, aac, mp3, vorbis, opus… */
  codec: string;
  durationMs: number;
  sampleRate: number;
  channels: number;
  bitRate: number | null;
  hasEmbeddedCover: boolean;
  tags: { title?: string; artist?: string; album?: string; genre?: string; year?: number };
}

export interface Loudness {
  /** EBU R128 integrated loudness; ffmpeg reports −70 for silence. */
  integratedLufs: number;
  /** Highest true (inter-sample) peak; floored at {@link SILENCE_FLOOR_DB} for digital silence. */
  truePeakDbtp: number;
}

/** What ffmpeg prints as "-inf" for silence becomes this, so the value stays a finite number (JSON, zod, SQL). */
export const SILENCE_FLOOR_DB = -144;

export interface HlsRenditionOutput {
  name: string;
  bitrate: number;
  /** Relative to the output directory, e.g. "128k/playlist.m3u8". */
  playlist: string;
  /** RFC 6381 codec string, "mp4a.40.2" for AAC-LC. */
  codecs: string;
}

export interface HlsOutput {
  masterPlaylist: "master.m3u8";
  renditions: HlsRenditionOutput[];
}

export interface TranscodeHlsOptions {
  /** The source's duration (from probe): drives progress and catches truncated input. */
  durationMs: number;
  renditions?: Rendition[];
  segmentSeconds?: number;
  /** The source's sample rate (from probe): 48 kHz-family sources stay at 48 kHz, the rest go to 44.1 kHz. */
  sourceSampleRate?: number;
  /** Integer 0..100, never decreasing; 100 once the output is published. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export interface Artwork {
  /** "large" (1200×1200) or "small" (300×300). */
  name: string;
  /** Absolute path of the JPEG written, e.g. "<outDir>/large.jpg". */
  file: string;
  width: number;
  height: number;
}

export interface MediaToolkit {
  /** Magic bytes first (a cheap refusal), then ffprobe and music-metadata. */
  probe(file: string): Promise<ProbeResult>;
  analyseLoudness(file: string, options?: { signal?: AbortSignal }): Promise<Loudness>;
  /** `points` values (default 1000) in 0..1: the loudest sample of each window, relative to full scale. */
  waveformPeaks(file: string, options?: { points?: number; signal?: AbortSignal }): Promise<number[]>;
  /** Builds the HLS ladder in a temporary directory beside `outDir`, then moves it into place. */
  transcodeHls(file: string, outDir: string, options: TranscodeHlsOptions): Promise<HlsOutput>;
  /** Writes the embedded picture's bytes (JPEG or PNG, as stored) to `outFile`; false when there is none. */
  extractEmbeddedCover(file: string, outFile: string): Promise<boolean>;
  /** An image's format and size from its header; ImageTooLargeError past the artwork pixel limit. */
  imageInfo(file: string): Promise<{ format: string; width: number; height: number }>;
  /**
   * Square-cropped JPEGs "large.jpg" (1200 px) and "small.jpg" (300 px) in `outDir`, metadata
   * stripped; ImageTooLargeError, before decoding, past the artwork pixel limit.
   */
  renderArtwork(input: string, outDir: string): Promise<Artwork[]>;
}
