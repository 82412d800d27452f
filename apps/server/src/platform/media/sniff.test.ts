import { describe, expect, it } from "vitest";
import { sniffAudioFormat } from "./sniff.ts";

/** A 64-byte head starting with `bytes` (strings are Latin-1), zero-padded. */
function head(...parts: (string | number[])[]): Buffer {
  const bytes = Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))),
  );
  return Buffer.concat([bytes, Buffer.alloc(Math.max(0, 64 - bytes.length))]);
}
const size = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

describe("sniffing audio containers by their magic bytes", () => {
  it.each([
    ["RIFF/WAVE", head("RIFF", [0x24, 0, 0, 0], "WAVEfmt "), "wav"],
    ["RF64/WAVE", head("RF64", [0xff, 0xff, 0xff, 0xff], "WAVEds64"), "wav"],
    ["FORM/AIFF", head("FORM", size(1000), "AIFFCOMM"), "aiff"],
    ["FORM/AIFC", head("FORM", size(1000), "AIFCFVER"), "aiff"],
    ["fLaC", head("fLaC", [0, 0, 0, 0x22]), "flac"],
    ["OggS", head("OggS", [0, 2]), "ogg"],
    ["an ID3v2 tag", head("ID3", [3, 0, 0, 0, 0, 0x10, 0]), "mp3"],
    ["an MPEG-1 layer III frame", head([0xff, 0xfb, 0x90, 0x64]), "mp3"],
    ["an MPEG-2 layer III frame", head([0xff, 0xf3, 0x64, 0xc4]), "mp3"],
    ["ftyp M4A", head(size(28), "ftypM4A ", [0, 0, 2, 0], "M4A isomiso2"), "m4a"],
    ["ftyp with an MP4 brand among the compatible ones", head(size(24), "ftypXXXX", [0, 0, 0, 0], "qt  mp42"), "m4a"],
  ])("recognises %s", (_, bytes, format) => {
    expect(sniffAudioFormat(bytes)).toBe(format);
  });

  it.each([
    ["plain text", head("These are the lyrics")],
    ["a PNG", head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["a JPEG", head([0xff, 0xd8, 0xff, 0xe0])],
    ["ADTS AAC (layer bits 00)", head([0xff, 0xf1, 0x50, 0x80])],
    ["an MPEG frame with a bad bit rate", head([0xff, 0xfb, 0xf0, 0x64])],
    ["RIFF that is not WAVE (AVI)", head("RIFF", size(1000), "AVI LIST")],
    ["a QuickTime movie brand only", head(size(20), "ftypqt  ", [0, 0, 2, 0], "qt  ")],
    ["Matroska", head([0x1a, 0x45, 0xdf, 0xa3])],
    ["a PDF", head("%PDF-1.7")],
    ["nothing", Buffer.alloc(0)],
    ["three bytes", Buffer.from("RIF")],
  ])("refuses %s", (_, bytes) => {
    expect(sniffAudioFormat(bytes)).toBeNull();
  });
});
