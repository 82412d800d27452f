import type { AudioFormat } from "./types.ts";

/** How many leading bytes {@link sniffAudioFormat} wants to see. */
export const SNIFF_BYTES = 64;

/**
 * ISO BMFF brands of audio-capable MP4 files. A video-only MP4 carries the same brands; ffprobe
 * refuses it later, when it finds no audio stream.
 */
const mp4Brands = new Set([
  "M4A ",
  "M4B ",
  "M4P ",
  "mp41",
  "mp42",
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "dash",
]);

function ascii(head: Buffer, start: number, length: number): string {
  return head.length >= start + length ? head.toString("latin1", start, start + length) : "";
}

/**
 * An MPEG audio frame header: 11 sync bits, then no reserved values. Layer "00" is rejected on
 * purpose, because that is ADTS AAC, a container we do not take.
 */
function isMpegAudioFrame(head: Buffer): boolean {
  if (head.length < 4) return false;
  const b0 = head[0] ?? 0;
  const b1 = head[1] ?? 0;
  const b2 = head[2] ?? 0;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrateIndex !== 0b1111 && sampleRateIndex !== 0b11;
}

function isAudioMp4(head: Buffer): boolean {
  if (ascii(head, 4, 4) !== "ftyp") return false;
  if (mp4Brands.has(ascii(head, 8, 4))) return true;
  const boxEnd = Math.min(head.readUInt32BE(0), head.length);
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) {
    if (mp4Brands.has(ascii(head, offset, 4))) return true;
  }
  return false;
}

/**
 * The container the first bytes of a file announce, or null when they announce none we accept.
 * A cheap refusal before ffprobe sees the file: uploads that are not audio never reach a demuxer.
 */
export function sniffAudioFormat(head: Buffer): AudioFormat | null {
  const riff = ascii(head, 0, 4);
  if ((riff === "RIFF" || riff === "RF64" || riff === "BW64") && ascii(head, 8, 4) === "WAVE") return "wav";
  if (riff === "FORM" && ["AIFF", "AIFC"].includes(ascii(head, 8, 4))) return "aiff";
  if (riff === "fLaC") return "flac";
  if (riff === "OggS") return "ogg";
  if (ascii(head, 0, 3) === "ID3" || isMpegAudioFrame(head)) return "mp3";
  if (isAudioMp4(head)) return "m4a";
  return null;
}
