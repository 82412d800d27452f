import { parseFile } from "music-metadata";
import type { Logger } from "../logger.ts";
import { coverArgs, probeArgs } from "./args.ts";
import { writeBytesAtomically, writeFileAtomically } from "./artwork.ts";
import { coverStreamIndex } from "./probe-result.ts";
import { runOrFail, runProcess } from "./process.ts";

/** Probing and copying one picture are quick: a minute means ffmpeg is stuck. */
const COVER_TIMEOUT_MS = 60_000;

interface Tools {
  ffmpeg: string;
  ffprobe: string;
  logger: Logger;
  /** Applies the instance's ffmpeg limits (threads) to a command line. */
  limit?: (args: string[]) => string[];
}

/** The front cover music-metadata finds (else its first picture), or null. */
async function pictureFromTags(tools: Tools, file: string): Promise<Uint8Array | null> {
  try {
    const pictures = (await parseFile(file, { duration: false })).common.picture ?? [];
    const picture = pictures.find((candidate) => candidate.type === "Cover (front)") ?? pictures[0];
    return picture && picture.data.length > 0 ? picture.data : null;
  } catch (error) {
    tools.logger.debug({ err: error, file }, "media: music-metadata could not read the file's pictures");
    return null;
  }
}

/** ffmpeg's way: copy the first attached-picture stream out as it is stored. False when there is none. */
export async function copyCoverStream(tools: Tools, file: string, outFile: string): Promise<boolean> {
  const probe = await runProcess(tools.ffprobe, probeArgs(file), {
    logger: tools.logger,
    collectStdout: true,
    timeoutMs: COVER_TIMEOUT_MS,
  });
  if (probe.exitCode !== 0) return false;
  const index = coverStreamIndex(JSON.parse(probe.stdout));
  if (index === null) return false;
  await writeFileAtomically(outFile, (temporary) =>
    runOrFail(tools.ffmpeg, (tools.limit ?? ((args) => args))(coverArgs(file, index, temporary)), {
      logger: tools.logger,
      timeoutMs: COVER_TIMEOUT_MS,
    }),
  );
  return true;
}

/**
 * The embedded picture's bytes, as stored (JPEG or PNG), written to `outFile`. music-metadata reads
 * pictures from every tag format we accept; ffmpeg is the fallback for a picture stream it missed.
 */
export async function extractEmbeddedCover(tools: Tools, file: string, outFile: string): Promise<boolean> {
  const picture = await pictureFromTags(tools, file);
  if (picture) {
    await writeBytesAtomically(outFile, picture);
    return true;
  }
  return copyCoverStream(tools, file, outFile);
}
