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

/** Forgets every mail to `address`, sent or not (an account deleted at once: they name it). */
export async function deleteMailTo(db: Executor, address: string) {
  await db.deleteFrom("mail_outbox").where("to_address", "=", address).execute();
}
