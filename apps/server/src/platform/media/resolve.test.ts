import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveFfmpeg } from "./resolve.ts";

async function fakeBinaries(names: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stave-ffmpeg-"));
  for (const name of names) {
    await writeFile(path.join(dir, name), "#!/bin/sh\n");
    await chmod(path.join(dir, name), 0o755);
  }
  return dir;
}

describe("finding ffmpeg", () => {
  it("uses FFMPEG_PATH and the ffprobe beside it", async () => {
    const dir = await fakeBinaries(["ffmpeg", "ffprobe"]);
    expect(resolveFfmpeg(path.join(dir, "ffmpeg"), "")).toEqual({
      ffmpeg: path.join(dir, "ffmpeg"),
      ffprobe: path.join(dir, "ffprobe"),
    });
  });

  it("refuses an FFMPEG_PATH that is missing, or has no ffprobe beside it", async () => {
    const lonely = await fakeBinaries(["ffmpeg"]);
    expect(() => resolveFfmpeg(path.join(lonely, "ffmpeg"), "")).toThrow(/FFMPEG_PATH.*no executable ffprobe/);
    expect(() => resolveFfmpeg(path.join(lonely, "nope"), "")).toThrow(/FFMPEG_PATH.*not an executable/);
  });

  it("otherwise searches PATH, skipping directories without the binaries", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "stave-empty-"));
    await mkdir(path.join(empty, "ffmpeg")); // a directory is not a binary
    const dir = await fakeBinaries(["ffmpeg", "ffprobe"]);
    expect(resolveFfmpeg(undefined, [empty, dir].join(path.delimiter))).toEqual({
      ffmpeg: path.join(dir, "ffmpeg"),
      ffprobe: path.join(dir, "ffprobe"),
    });
  });

  it("names FFMPEG_PATH when there is none to be found", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "stave-empty-"));
    expect(() => resolveFfmpeg(undefined, empty)).toThrow(/ffmpeg was not found on PATH.*FFMPEG_PATH/);
  });

  it("finds this machine's ffmpeg on PATH", () => {
    const found = resolveFfmpeg();
    expect(path.basename(found.ffmpeg)).toBe("ffmpeg");
    expect(path.basename(found.ffprobe)).toBe("ffprobe");
  });
});
