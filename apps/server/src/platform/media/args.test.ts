import { describe, expect, it } from "vitest";
import {
  coverArgs,
  hlsRenditionArgs,
  inputArgs,
  loudnessArgs,
  outputSampleRate,
  probeArgs,
  waveformArgs,
  withFfmpegLimits,
} from "./args.ts";

/** The value that follows `flag` in an argument list. */
const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe("ffmpeg and ffprobe argument lists", () => {
  it("open inputs through the file protocol only, with the demuxers we accept", () => {
    expect(inputArgs("/media/-odd name: with colon.wav")).toEqual([
      "-protocol_whitelist",
      "file",
      "-format_whitelist",
      "wav,aiff,flac,mp3,ogg,mov",
      "-i",
      "file:/media/-odd name: with colon.wav",
    ]);
    expect(inputArgs("relative.wav").at(-1)).toBe(`file:${process.cwd()}/relative.wav`);
  });

  it("probe for JSON with format and streams", () => {
    const args = probeArgs("/in/a.flac");
    expect(args).toEqual(expect.arrayContaining(["-show_format", "-show_streams"]));
    expect(valueAfter(args, "-print_format")).toBe("json");
    expect(args.at(-1)).toBe("file:/in/a.flac");
  });

  it("measure loudness with ebur128 and true peak on the first audio stream, at the log level of its summary", () => {
    const args = loudnessArgs("/in/a.wav");
    expect(valueAfter(args, "-af")).toBe("ebur128=peak=true:framelog=verbose");
    expect(valueAfter(args, "-v")).toBe("info");
    expect(valueAfter(args, "-map")).toBe("0:a:0");
    expect(args.slice(-3)).toEqual(["-f", "null", "-"]);
    expect(args).toContain("-nostdin");
  });

  it("decode the waveform to mono 16-bit samples on stdout", () => {
    const args = waveformArgs("/in/a.mp3", 8000);
    expect(valueAfter(args, "-ac")).toBe("1");
    expect(valueAfter(args, "-ar")).toBe("8000");
    expect(valueAfter(args, "-f")).toBe("s16le");
    expect(args.at(-1)).toBe("pipe:1");
  });

  it("encode one rendition as AAC-LC fMP4 HLS with relative outputs and progress on stdout", () => {
    const args = hlsRenditionArgs(
      "/in/a.wav",
      { name: "128k", bitrate: 128_000 },
      { segmentSeconds: 6, sampleRate: 44_100 },
    );
    expect(valueAfter(args, "-c:a")).toBe("aac");
    expect(valueAfter(args, "-profile:a")).toBe("aac_low");
    expect(valueAfter(args, "-b:a")).toBe("128000");
    expect(valueAfter(args, "-ar")).toBe("44100");
    expect(valueAfter(args, "-ac")).toBe("2");
    expect(valueAfter(args, "-f")).toBe("hls");
    expect(valueAfter(args, "-hls_time")).toBe("6");
    expect(valueAfter(args, "-hls_playlist_type")).toBe("vod");
    expect(valueAfter(args, "-hls_segment_type")).toBe("fmp4");
    expect(valueAfter(args, "-hls_fmp4_init_filename")).toBe("init.mp4");
    expect(valueAfter(args, "-hls_segment_filename")).toBe("segment_%05d.m4s");
    expect(valueAfter(args, "-progress")).toBe("pipe:1");
    expect(args).toContain("-nostats");
    expect(args.at(-1)).toBe("playlist.m3u8");
    // The input comes before any output option, and no absolute output path is handed to ffmpeg.
    expect(args.indexOf("-i")).toBeLessThan(args.indexOf("-c:a"));
    expect(args.filter((arg) => arg.startsWith("/"))).toEqual([]);
  });

  it("copy a cover stream to exactly the file named", () => {
    const args = coverArgs("/in/a.mp3", 1, "/out/cover 100%.jpg");
    expect(valueAfter(args, "-map")).toBe("0:1");
    expect(valueAfter(args, "-c:v")).toBe("copy");
    expect(valueAfter(args, "-update")).toBe("1");
    expect(args.at(-1)).toBe("file:/out/cover 100%.jpg");
  });

  it("keep the output sample rate in the source's family", () => {
    expect(outputSampleRate(44_100)).toBe(44_100);
    expect(outputSampleRate(88_200)).toBe(44_100);
    expect(outputSampleRate(22_050)).toBe(44_100);
    expect(outputSampleRate(48_000)).toBe(48_000);
    expect(outputSampleRate(96_000)).toBe(48_000);
    expect(outputSampleRate(32_000)).toBe(48_000);
    expect(outputSampleRate(undefined)).toBe(44_100);
    expect(outputSampleRate(12_345)).toBe(44_100);
  });

  it("cap ffmpeg's threads for decoding, filters and encoding, and how much input it reads", () => {
    const plain = hlsRenditionArgs(
      "/in/a.flac",
      { name: "128k", bitrate: 128_000 },
      { segmentSeconds: 6, sampleRate: 44_100 },
    );
    const args = withFfmpegLimits(plain, { threads: 2, maxInputSeconds: 10_860 });
    expect(args.slice(0, 2)).toEqual(["-filter_threads", "2"]);
    const input = args.indexOf("-i");
    // Input options come before the input they apply to; the output option before the output.
    expect(args.slice(input - 8, input - 4)).toEqual(["-threads", "2", "-t", "10860"]);
    expect(args.slice(-3)).toEqual(["-threads", "2", "playlist.m3u8"]);
    // Nothing else moved.
    expect(
      args.filter(
        (_, index) => ![0, 1, input - 8, input - 7, input - 6, input - 5].includes(index) && index < args.length - 3,
      ),
    ).toEqual(plain.slice(0, -1));
    expect(() => withFfmpegLimits(["-version"], { threads: 1 })).toThrow();
  });
});
