/** The input is not audio, or is audio in a container or codec we do not accept. Maps to a 415/422. */
export class UnsupportedMediaError extends Error {
  override name = "UnsupportedMediaError";
}

/**
 * ffmpeg or ffprobe failed on input we had accepted. The message is short and fit to show a
 * creator; what ffmpeg actually said stays in `stderrTail` for the logs.
 */
export class MediaProcessingError extends Error {
  override name = "MediaProcessingError";
  readonly stderrTail: string;
  readonly exitCode: number | null;

  constructor(message: string, details: { stderrTail?: string; exitCode?: number | null; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.stderrTail = details.stderrTail ?? "";
    this.exitCode = details.exitCode ?? null;
  }
}
