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

/** An image whose header declares more pixels than we decode: refused before a byte of it is decoded. */
export class ImageTooLargeError extends UnsupportedMediaError {
  override name = "ImageTooLargeError";
  constructor(
    readonly width: number,
    readonly height: number,
    readonly maxPixels: number,
  ) {
    super(
      `The image is ${width} × ${height} pixels; the limit is ${formatMegapixels(maxPixels)} megapixels (about ${Math.floor(Math.sqrt(maxPixels))} × ${Math.floor(Math.sqrt(maxPixels))})`,
    );
  }
}

const formatMegapixels = (pixels: number) => String(Math.round((pixels / 1_000_000) * 10) / 10);
