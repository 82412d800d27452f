import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { TracksContext } from "../src/modules/tracks/tracks.context.ts";
import { tracksJobs } from "../src/modules/tracks/tracks.jobs.ts";
import { JobWorker } from "../src/platform/jobs/index.ts";
import { silentLogger } from "./database.ts";
import { waitFor } from "./wait.ts";

/** A multipart body built by hand (inject has no FormData), files read from disk. */
export async function multipartBody(
  fields: Record<string, string>,
  files: { field: string; file: string; filename?: string; contentType?: string }[],
) {
  const boundary = `----stave${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const { field, file, filename, contentType } of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename ?? path.basename(file)}"\r\nContent-Type: ${contentType ?? "application/octet-stream"}\r\n\r\n`,
      ),
      await readFile(file),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function uploadTrack(
  app: FastifyInstance,
  headers: Record<string, string>,
  file: string,
  fields: Record<string, string> = {},
  extraFiles: { field: string; file: string }[] = [],
): Promise<LightMyRequestResponse> {
  const body = await multipartBody(fields, [{ field: "file", file }, ...extraFiles]);
  return app.inject({
    method: "POST",
    url: "/api/v1/tracks",
    headers: { ...headers, "content-type": body.contentType },
    payload: body.payload,
  });
}

export function startTracksWorker(ctx: TracksContext) {
  const worker = new JobWorker({
    database: ctx.database,
    registry: tracksJobs(ctx),
    logger: silentLogger,
    pollIntervalMs: 50,
  });
  return worker.start().then(() => worker);
}

export async function waitForStatus(ctx: TracksContext, trackId: string, statuses: string[]) {
  const db = ctx.database.primary;
  try {
    return await waitFor(
      async () => {
        const row = await db.selectFrom("tracks").selectAll().where("id", "=", trackId).executeTakeFirst();
        return row && statuses.includes(row.status) ? row : undefined;
      },
      // Generous: CI shares two cores among several files' ffmpeg runs.
      120_000,
      `track ${trackId} to become ${statuses.join(" or ")}`,
    );
  } catch (error) {
    // Say where it stood, so a timeout on a busy machine can be told apart from a stuck job.
    const track = await db
      .selectFrom("tracks")
      .select(["status", "progress", "failure_reason"])
      .where("id", "=", trackId)
      .executeTakeFirst();
    const jobs = await db
      .selectFrom("jobs")
      .select(["name", "state", "attempts", "run_at", "last_error"])
      .orderBy("created_at")
      .execute();
    throw new Error(`${(error as Error).message}; track: ${JSON.stringify(track)}; jobs: ${JSON.stringify(jobs)}`, {
      cause: error,
    });
  }
}

/** Waits until no processing job is queued or running (a row turns ready just before its job is recorded done). */
export function waitForProcessingIdle(ctx: TracksContext) {
  return waitFor(
    async () => {
      const busy = await ctx.database.primary
        .selectFrom("jobs")
        .select("id")
        .where("name", "=", "tracks.process")
        .where("state", "in", ["queued", "running"])
        .executeTakeFirst();
      return busy ? undefined : true;
    },
    60_000,
    "processing jobs to finish",
  );
}
