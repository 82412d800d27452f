import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * How long a mail written to the outbox directory (no SMTP server) stays there. Its links
 * carry single-use tokens; a week is longer than any of them lives, and long enough for a
 * developer to find a mail again.
 */
export const OUTBOX_FILE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Removes outbox `.eml` files older than `maxAgeMs`; returns how many went. Other files stay. */
export async function pruneOutboxFiles(outboxDir: string, maxAgeMs = OUTBOX_FILE_MAX_AGE_MS, now = Date.now()) {
  const names = await readdir(outboxDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(".eml")) continue;
    const file = path.join(outboxDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs <= maxAgeMs) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
