import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { ImageTooLargeError, UnsupportedMediaError } from "./errors.ts";
import type { Artwork } from "./types.ts";

/** Raster formats people upload as cover art. SVG and PDF are refused: they can reference other files. */
const acceptedImageFormats = new Set(["jpeg", "png", "webp", "gif", "tiff", "heif", "avif"]);

const sizes = [
  { name: "large", size: 1200 },
  { name: "small", size: 300 },
];

/** Writes next to `file` under a temporary name, then renames, so no reader sees half an image. */
export async function writeFileAtomically(file: string, write: (temporary: string) => Promise<unknown>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.partial-${randomUUID()}`);
  try {
    await write(temporary);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeBytesAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomically(file, (temporary) => writeFile(temporary, bytes));
}

export interface ImageInfo {
  format: string;
  width: number;
  height: number;
}

/**
 * An image's format and size from its header alone (sharp's metadata decodes no pixels), refused
 * when it is not a raster format we accept or has more than `maxPixels` pixels: a 16,000 × 16,000
 * PNG of one colour is a few hundred KB but a gigabyte once decoded.
 */
export async function imageInfo(input: string, maxPixels: number): Promise<ImageInfo> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch (error) {
    throw new UnsupportedMediaError("The file is not an image we can read", { cause: error });
  }
  const { format, width, height } = metadata;
  if (!format || !acceptedImageFormats.has(format)) {
    throw new UnsupportedMediaError(`Cover art must be a JPEG, PNG, WebP, GIF, TIFF or HEIF/AVIF image, not ${format}`);
  }
  if (!width || !height) throw new UnsupportedMediaError("The image does not say how large it is");
  if (width * height > maxPixels) throw new ImageTooLargeError(width, height, maxPixels);
  return { format, width, height };
}

/**
 * Square JPEG covers from any raster image: turned upright by its EXIF orientation, centre-cropped,
 * transparency on white, sRGB, and without metadata (sharp writes none unless asked, so no EXIF
 * location leaks from a phone photo). The pixel limit is checked from the header first, and sharp
 * enforces it again while decoding in case the header lied.
 */
export async function renderArtwork(input: string, outDir: string, maxPixels: number): Promise<Artwork[]> {
  await imageInfo(input, maxPixels);
  await mkdir(outDir, { recursive: true });
  const rendered: Artwork[] = [];
  for (const { name, size } of sizes) {
    let output: { data: Buffer; info: OutputInfo };
    try {
      output = await sharp(input, { limitInputPixels: maxPixels })
        .rotate()
        .resize(size, size, { fit: "cover", position: "centre" })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: 85 })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw new UnsupportedMediaError("The image could not be decoded: it may be corrupt", { cause: error });
    }
    const file = path.resolve(outDir, `${name}.jpg`);
    await writeBytesAtomically(file, output.data);
    rendered.push({ name, file, width: output.info.width, height: output.info.height });
  }
  return rendered;
}
