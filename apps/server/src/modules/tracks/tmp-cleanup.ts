import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm, stat, utimes } from "node:fs/promises";
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
 * - `uploads/<host>~<pid>~<instance>/`: one API process's multipart uploads in progress. While
 *   the process runs it touches its folder every HEARTBEAT_MS; a folder untouched for
 *   HEARTBEAT_STALE_MS belongs to a process that is gone (killed mid-upload), on this host or any
 *   other sharing DATA_DIR, and goes at the next start of an API process or clean-up pass. (Host
 *   names and pids cannot tell: containers on host networking share a host name, and each may
 *   run its server as pid 1.)
 * - anything in `tus` (abandoned resumable uploads): after 24 hours without a change.
 */

const STALE_MS = 24 * 3600 * 1000;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const processingDirPattern = new RegExp(`^process-(${UUID})\\.(${UUID})\\.(\\d+)-`);

/** The scratch directory's name prefix for one attempt of a tracks.process job (mkdtemp adds the rest). */
export const processingDirPrefix = (trackId: string, jobId: string, attempt: number) =>
  `process-${trackId}.${jobId}.${attempt}-`;

/** This process's own directory under tmp/uploads: its host and pid (for people), and a name no later process reuses. */
const thisProcess = { host: os.hostname().replaceAll("~", "-"), pid: process.pid, instance: randomUUID().slice(0, 8) };
const ownUploadsDirName = `${thisProcess.host}~${thisProcess.pid}~${thisProcess.instance}`;
export const processUploadsDir = (tmpDir: string) => path.join(tmpDir, "uploads", ownUploadsDirName);

export const HEARTBEAT_MS = 30_000;
/** Ten missed beats: far beyond a busy event loop's delay or a little clock skew between hosts. */
export const HEARTBEAT_STALE_MS = 10 * HEARTBEAT_MS;

/**
 * Keeps this process's uploads folder fresh while it runs, so that no clean-up (of this process
 * or another one sharing DATA_DIR) takes it for a dead process's. Returns the function that stops it.
 */
export async function startUploadsHeartbeat(tmpDir: string, logger: Logger): Promise<() => void> {
  const dir = processUploadsDir(tmpDir);
  const beat = async () => {
    try {
      // Recreated should anything have removed it: the uploads under way write into it.
      await mkdir(dir, { recursive: true });
      const now = new Date();
      await utimes(dir, now, now);
    } catch (error) {
      logger.warn({ err: error, dir }, "could not touch this process's uploads folder");
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** At an API process's start and in each clean-up pass: the multipart uploads of processes that are gone. */
export async function removeUploadsOfDeadProcesses(tmpDir: string, logger: Logger): Promise<number> {
  const dir = path.join(tmpDir, "uploads");
  const cutoff = Date.now() - HEARTBEAT_STALE_MS;
  let removed = 0;
  for (const entry of await readdir(dir).catch(() => [])) {
    if (entry === ownUploadsDirName) continue;
    if (await removeIfStale(path.join(dir, entry), cutoff)) removed += 1;
  }
  if (removed > 0) logger.info({ removed }, "removed partial uploads of processes that are gone");
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
 * created): the hour's grace covers an upload whose file is being created right now. This
 * relies on every API process sharing DATA_DIR (as tus does: a resumed chunk may reach any of
 * them), so that an upload's file is missing here only when it is missing for all.
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
  const tus = path.join(ctx.tmpDir, "tus");
  for (const entry of await readdir(tus).catch(() => [])) {
    if (await removeIfStale(path.join(tus, entry), cutoff)) removed += 1;
  }
  const released = await releaseAbandonedReservations(ctx);
  logger.info({ removed, released }, "cleaned temporary files");
}
