import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTruncated, makeWav } from "../../../test/media.ts";
import { createLogger } from "../logger.ts";
import { createMediaToolkit, MediaProcessingError, type MediaToolkit, resolveFfmpeg } from "./index.ts";

const run = promisify(execFile);
let media: MediaToolkit;
let dir: string;

/** Our children that are ffmpeg, from /proc: none may outlive a settled transcode. */
async function childFfmpegs(): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      const parent = Number(rest?.split(" ")[1]);
      if (comm === "ffmpeg" && parent === process.pid) found.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return found;
}

beforeAll(async () => {
  media = createMediaToolkit({ logger: createLogger("silent") });
  dir = await mkdtemp(path.join(os.tmpdir(), "stave-hls-"));
});

describe("HLS transcoding", () => {
  it("writes a master playlist and a playable fMP4 AAC ladder, reporting progress up to 100", async () => {
    const wav = await makeWav(dir, { seconds: 5 });
    const out = path.join(dir, "hls");
    const progress: number[] = [];
    const result = await media.transcodeHls(wav, out, {
      durationMs: 5000,
      segmentSeconds: 2,
      onProgress: (percent) => progress.push(percent),
    });

    expect(result).toEqual({
      masterPlaylist: "master.m3u8",
      renditions: [
        { name: "64k", bitrate: 64_000, playlist: "64k/playlist.m3u8", codecs: "mp4a.40.2" },
        { name: "128k", bitrate: 128_000, playlist: "128k/playlist.m3u8", codecs: "mp4a.40.2" },
        { name: "256k", bitrate: 256_000, playlist: "256k/playlist.m3u8", codecs: "mp4a.40.2" },
      ],
    });
    const master = (await readFile(path.join(out, "master.m3u8"), "utf8")).split("\n");
    expect(master.slice(0, 3)).toEqual(["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"]);
    const streams = master.filter((line) => line.startsWith("#EXT-X-STREAM-INF:"));
    expect(streams).toHaveLength(3);
    for (const [index, line] of streams.entries()) {
      const rendition = result.renditions[index];
      const bandwidth = Number(/BANDWIDTH=(\d+)/.exec(line)?.[1]);
      expect(bandwidth).toBeGreaterThanOrEqual(Math.round((rendition?.bitrate ?? 0) * 1.1));
      expect(line).toMatch(/AVERAGE-BANDWIDTH=\d+/);
      expect(line).toContain('CODECS="mp4a.40.2"');
      expect(master[master.indexOf(line) + 1]).toBe(rendition?.playlist);
    }

    const { ffprobe } = resolveFfmpeg();
    for (const rendition of result.renditions) {
      const folder = path.join(out, rendition.name);
      const playlist = await readFile(path.join(folder, "playlist.m3u8"), "utf8");
      expect(playlist).toContain('#EXT-X-MAP:URI="init.mp4"');
      expect(playlist.trim().endsWith("#EXT-X-ENDLIST")).toBe(true);
      const segments = playlist.split("\n").filter((line) => line.endsWith(".m4s"));
      expect(segments.length).toBeGreaterThanOrEqual(2);
      expect(segments[0]).toBe("segment_00000.m4s");
      const joined = path.join(dir, `${rendition.name}-joined.mp4`);
      const parts = await Promise.all(["init.mp4", ...segments].map((name) => readFile(path.join(folder, name))));
      await writeFile(joined, Buffer.concat(parts));
      const { stdout } = await run(ffprobe, [
        "-v",
        "error",
        "-show_entries",
        "stream=codec_name,profile,channels",
        "-of",
        "json",
        joined,
      ]);
      expect(JSON.parse(stdout).streams).toEqual([{ codec_name: "aac", profile: "LC", channels: 2 }]);
    }

    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
    for (const percent of progress) expect(Number.isInteger(percent)).toBe(true);
    // Nothing is left beside the output: the staging directory became it.
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/partial/));
  });

  it("takes a custom ladder and replaces what an earlier attempt published", async () => {
    const wav = await makeWav(dir, { seconds: 2, sampleRate: 48_000 });
    const out = path.join(dir, "again");
    await mkdir(path.join(out, "stale"), { recursive: true });
    await writeFile(path.join(out, "stale", "old.m4s"), "old");
    const result = await media.transcodeHls(wav, out, {
      durationMs: 2000,
      sourceSampleRate: 48_000,
      renditions: [{ name: "96k", bitrate: 96_000 }],
    });
    expect(result.renditions.map((rendition) => rendition.playlist)).toEqual(["96k/playlist.m3u8"]);
    expect((await readdir(out)).sort()).toEqual(["96k", "master.m3u8"]);
    const { ffprobe } = resolveFfmpeg();
    const { stdout } = await run(ffprobe, [
      "-v",
      "error",
      "-show_entries",
      "stream=sample_rate",
      "-of",
      "csv=p=0",
      path.join(out, "96k", "init.mp4"),
    ]);
    expect(stdout.trim()).toBe("48000");
  });

  it("fails a truncated file with a human reason and leaves nothing behind", async () => {
    const truncated = await makeTruncated(dir);
    const probed = await media.probe(truncated);
    const out = path.join(dir, "truncated");
    const transcoding = media.transcodeHls(truncated, out, { durationMs: probed.durationMs });
    await expect(transcoding).rejects.toBeInstanceOf(MediaProcessingError);
    const error = (await transcoding.catch((caught) => caught)) as MediaProcessingError;
    expect(error.message).toBe("The audio data is corrupt or truncated");
    expect(error.stderrTail).toMatch(/decoded \d+ ms of the 4000 ms/);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/truncated$|partial/));
  });

  it("kills ffmpeg and rejects when aborted, leaving no process or files", async () => {
    const wav = await makeWav(dir, { seconds: 120 });
    const out = path.join(dir, "aborted");
    const controller = new AbortController();
    const transcoding = media.transcodeHls(wav, out, {
      durationMs: 120_000,
      signal: controller.signal,
      onProgress: (percent) => {
        if (percent > 0) controller.abort();
      },
    });
    await expect(transcoding).rejects.toMatchObject({ name: "AbortError" });
    expect(await childFfmpegs()).toEqual([]);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/aborted|partial/));
  });

  it("rejects at once when the signal is already aborted", async () => {
    const wav = await makeWav(dir, { seconds: 1 });
    await expect(
      media.transcodeHls(wav, path.join(dir, "never"), { durationMs: 1000, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: "AbortError" });
    await expect(media.waveformPeaks(wav, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("refuses a ladder whose names would escape the output directory", async () => {
    const wav = await makeWav(dir, { seconds: 1 });
    await expect(
      media.transcodeHls(wav, path.join(dir, "bad"), {
        durationMs: 1000,
        renditions: [{ name: "../x", bitrate: 64_000 }],
      }),
    ).rejects.toThrow(/Rendition names/);
  });
});
