import { randomUUID } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { liveJobAttempts } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TracksContext } from "./tracks.context.ts";
import { deleteReservation, reservationsMadeBefore } from "./upload-reservations.repo.ts";

/**
 * What crashed processes leave in DATA_DIR/tmp, and when it may go:
 * - `process-<track>.<job>.<attempt>-*`: one processing attempt's scratch directory. It goes at
 *   the next clean-up once that attempt is no longer live (its worker was killed, say), whatever
 *   its age, even while a later attempt of the same job runs.
 * - `uploads/<host>~<pid>~<instance>/`: one API process's multipart uploads in progress. When
 *   that process is gone (killed mid-upload), the next start of an API process on the same host
 *   removes it at once.
 * - anything else in `tus` and `uploads` (abandoned resumable uploads, another host's debris):
 *   after 24 hours without a change.
 */

const STALE_MS = 24 * 3600 * 1000;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const processingDirPattern = new RegExp(`^process-(${UUID})\\.(${UUID})\\.(\\d+)-`);

/** The scratch directory's name prefix for one attempt of a tracks.process job (mkdtemp adds the rest). */
export const processingDirPrefix = (trackId: string, jobId: string, attempt: number) =>
  `process-${trackId}.${jobId}.${attempt}-`;

/** This process's own directory under tmp/uploads: its host, its pid, and a name no later process reuses. */
const thisProcess = { host: os.hostname().replaceAll("~", "-"), pid: process.pid, instance: randomUUID().slice(0, 8) };
export const processUploadsDir = (tmpDir: string) =>
  path.join(tmpDir, "uploads", `${thisProcess.host}~${thisProcess.pid}~${thisProcess.instance}`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether an uploads directory belongs to a process of this host that no longer runs. */
function ownerIsGone(name: string): boolean {
  const [host, pid, instance] = name.split("~");
  if (host !== thisProcess.host || !pid || !instance || !/^\d+$/.test(pid)) return false;
  // Our own pid under another instance name: the earlier process had it (a container restarts as pid 1).
  if (Number(pid) === thisProcess.pid) return instance !== thisProcess.instance;
  return !isAlive(Number(pid));
}

/** At an API process's start: the multipart uploads that killed processes of this host left behind. */
export async function removeUploadsOfDeadProcesses(tmpDir: string, logger: Logger): Promise<number> {
  const dir = path.join(tmpDir, "uploads");
  let removed = 0;
  for (const entry of await readdir(dir).catch(() => [])) {
    if (!ownerIsGone(entry)) continue;
    await rm(path.join(dir, entry), { recursive: true, force: true });
    removed += 1;
  }
  if (removed > 0) logger.info({ removed }, "removed partial uploads of processes that were killed");
  return removed;
}

async function removeIfStale(target: string, cutoff: number): Promise<boolean> {
  const info = await stat(target).catch(() => null);
  if (!info || info.mtimeMs >= cutoff) return false;
  await rm(target, { recursive: true, force: true });
  return true;
}

/** Processing scratch directories whose attempt is over: its own `finally` did not run (a crash). */
async function removeDeadProcessingDirs(ctx: TracksContext, cutoff: number): Promise<number> {
  const entries = (await readdir(ctx.tmpDir).catch(() => [])).filter((entry) => entry.startsWith("process-"));
  const attempts = entries.flatMap((entry) => {
    const match = processingDirPattern.exec(entry);
    return match ? [{ entry, jobId: match[2] as string, attempt: Number(match[3]) }] : [];
  });
  const live = await liveJobAttempts(ctx.database.primary, attempts);
  let removed = 0;
  for (const entry of entries) {
    const attempt = attempts.find((candidate) => candidate.entry === entry);
    const target = path.join(ctx.tmpDir, entry);
    if (!attempt) {
      // Named by an older version: no attempt to ask about, so only age tells.
      if (await removeIfStale(target, cutoff)) removed += 1;
    } else if (!live.has(`${attempt.jobId}:${attempt.attempt}`)) {
      await rm(target, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Quota reservations whose resumable upload is gone (removed above as abandoned, or never
 * created): the hour's grace covers an upload whose file is being created right now.
 */
async function releaseAbandonedReservations(ctx: TracksContext): Promise<number> {
  const tus = path.join(ctx.tmpDir, "tus");
  let released = 0;
  for (const { upload_id } of await reservationsMadeBefore(ctx.database.primary, new Date(Date.now() - 3600_000))) {
    const exists = await stat(path.join(tus, upload_id)).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await deleteReservation(ctx.database.primary, upload_id);
    released += 1;
  }
  return released;
}

/** The tracks.clean_uploads pass. */
export async function cleanTemporaryFiles(ctx: TracksContext, logger: Logger): Promise<void> {
  const cutoff = Date.now() - STALE_MS;
  let removed = await removeDeadProcessingDirs(ctx, cutoff);
  removed += await removeUploadsOfDeadProcesses(ctx.tmpDir, logger);
  for (const dir of ["tus", "uploads"].map((name) => path.join(ctx.tmpDir, name))) {
    for (const entry of await readdir(dir).catch(() => [])) {
      if (await removeIfStale(path.join(dir, entry), cutoff)) removed += 1;
    }
  }
  const released = await releaseAbandonedReservations(ctx);
  logger.info({ removed, released }, "cleaned temporary files");
}
