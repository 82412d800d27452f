import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** Whether `file` is a regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, searchPath: string): string | null {
  for (const directory of searchPath.split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/**
 * Which ffmpeg and ffprobe to run: FFMPEG_PATH's binary with the ffprobe beside it, else the
 * ones on PATH. Throws at start-up, naming FFMPEG_PATH, rather than on the first upload.
 */
export function resolveFfmpeg(
  configured?: string,
  searchPath: string = process.env.PATH ?? "",
): { ffmpeg: string; ffprobe: string } {
  if (configured) {
    const ffmpeg = path.resolve(configured);
    if (!isExecutableFile(ffmpeg)) throw new Error(`FFMPEG_PATH is ${configured}, which is not an executable file`);
    const extension = path.extname(ffmpeg);
    const ffprobe = path.join(path.dirname(ffmpeg), `ffprobe${extension}`);
    if (!isExecutableFile(ffprobe)) {
      throw new Error(`FFMPEG_PATH is ${configured}, but there is no executable ffprobe beside it (${ffprobe})`);
    }
    return { ffmpeg, ffprobe };
  }
  const ffmpeg = findOnPath("ffmpeg", searchPath);
  const ffprobe = findOnPath("ffprobe", searchPath);
  if (!ffmpeg || !ffprobe) {
    throw new Error(
      `${ffmpeg ? "ffprobe" : "ffmpeg"} was not found on PATH: install ffmpeg (Debian: apt-get install ffmpeg) ` +
        "or set FFMPEG_PATH to an ffmpeg binary that has ffprobe beside it",
    );
  }
  return { ffmpeg, ffprobe };
}
