import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../db/database.ts";
import { defineJob, type Executor, enqueue, PermanentJobError } from "../jobs/index.ts";
import type { MailContent, Mailer } from "./mailer.ts";

declare module "../jobs/types.ts" {
  interface JobPayloads {
    "mail.send": { mailId: string };
  }
}

/**
 * Queues a mail in the caller's transaction: it is sent only if that transaction
 * commits, and a crash between commit and send leaves it to be retried.
 */
export async function queueMail(db: Executor, to: string, content: MailContent): Promise<string> {
  const row = await db
    .insertInto("mail_outbox")
    .values({ to_address: to, subject: content.subject, text_body: content.text, html_body: content.html })
    .returning("id")
    .executeTakeFirstOrThrow();
  await enqueue(db, "mail.send", { mailId: row.id });
  return row.id;
}

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

export function mailJobs(deps: { database: Database; mailer: Mailer }) {
  return {
    "mail.send": defineJob({
      name: "mail.send",
      payload: z.object({ mailId: z.uuid() }),
      maxAttempts: 8,
      timeoutSeconds: 60,
      backoffSeconds: 30,
      async handle({ mailId }) {
        const db = deps.database.primary;
        const mail = await db.selectFrom("mail_outbox").selectAll().where("id", "=", mailId).executeTakeFirst();
        if (!mail) throw new PermanentJobError(`mail ${mailId} does not exist`);
        if (mail.sent_at) return;
        await deps.mailer.send({
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body ?? "",
          html: mail.html_body ?? "",
        });
        // Bodies may carry single-use links: keep only the envelope once delivered.
        await db
          .updateTable("mail_outbox")
          .set({ sent_at: new Date(), text_body: null, html_body: null })
          .where("id", "=", mailId)
          .execute();
      },
    }),
  };
}
