import { mkdtemp, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { startSmtpServer } from "../../../test/smtp.ts";
import { waitFor } from "../../../test/wait.ts";
import { JobWorker } from "../jobs/index.ts";
import { createLogger } from "../logger.ts";
import { composeMail, createMailer, type Mailer, mailJobs, queueMail } from "./index.ts";

const welcome = composeMail({
  siteName: "Stave",
  subject: "Verify your email <now>",
  paragraphs: ["Welcome to Stave, Ada & friends."],
  action: { label: "Verify", url: "http://localhost:3000/verify-email#token=abc123" },
});

describe("mail", () => {
  let testDb: TestDatabase;
  let worker: JobWorker | null = null;
  let mailer: Mailer | null = null;
  beforeEach(async () => {
    testDb = await createTestDatabase();
  });
  afterEach(async () => {
    await worker?.stop(100);
    mailer?.close();
    await testDb.drop();
  });

  async function runMailWorker(activeMailer: Mailer) {
    mailer = activeMailer;
    worker = new JobWorker({
      database: testDb.database,
      registry: mailJobs({ database: testDb.database, mailer: activeMailer }),
      logger: silentLogger,
      pollIntervalMs: 50,
    });
    await worker.start();
  }

  it("delivers queued mail through a real SMTP server via the mail.send job", async () => {
    const smtp = await startSmtpServer();
    try {
      await runMailWorker(
        createMailer({
          smtpUrl: smtp.url,
          from: "Stave <no-reply@stave.test>",
          outboxDir: "/nonexistent",
          logger: silentLogger,
        }),
      );
      const mailId = await testDb.database.primary
        .transaction()
        .execute((trx) => queueMail(trx, "ada@example.com", welcome));
      const mail = await waitFor(async () => smtp.received[0], 10_000, "the mail to arrive");
      expect(mail).toMatchObject({ to: "ada@example.com", subject: "Verify your email <now>" });
      expect(mail.text).toContain("http://localhost:3000/verify-email#token=abc123");
      expect(mail.html).toContain("Verify your email &lt;now&gt;");
      expect(mail.html).toContain("Ada &amp; friends");
      const row = await waitFor(async () => {
        const current = await testDb.database.primary
          .selectFrom("mail_outbox")
          .selectAll()
          .where("id", "=", mailId)
          .executeTakeFirstOrThrow();
        return current.sent_at ? current : undefined;
      });
      // Bodies with single-use links do not outlive delivery.
      expect(row).toMatchObject({ text_body: null, html_body: null });
    } finally {
      await smtp.close();
    }
  });

  it("does not send mail queued in a transaction that rolled back", async () => {
    const smtp = await startSmtpServer();
    try {
      await runMailWorker(
        createMailer({
          smtpUrl: smtp.url,
          from: "no-reply@stave.test",
          outboxDir: "/nonexistent",
          logger: silentLogger,
        }),
      );
      await testDb.database.primary
        .transaction()
        .execute(async (trx) => {
          await queueMail(trx, "ghost@example.com", welcome);
          throw new Error("registration failed");
        })
        .catch(() => undefined);
      await testDb.database.primary.transaction().execute((trx) => queueMail(trx, "real@example.com", welcome));
      await waitFor(async () => smtp.received[0]);
      await worker?.idle();
      expect(smtp.received.map((mail) => mail.to)).toEqual(["real@example.com"]);
    } finally {
      await smtp.close();
    }
  });

  it("writes an .eml file to the outbox and logs its links when no SMTP server is configured", async () => {
    const outboxDir = await mkdtemp(path.join(os.tmpdir(), "stave-outbox-"));
    const lines: string[] = [];
    const logger = createLogger(
      "info",
      new Writable({ write: (chunk, _enc, done) => done(void lines.push(chunk.toString())) }),
    );
    const outboxMailer = createMailer({ from: "Stave <no-reply@localhost>", outboxDir, logger });
    await outboxMailer.send({ to: "ada@example.com", ...welcome });
    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(await readFile(path.join(outboxDir, files[0] as string)));
    expect(parsed.subject).toBe("Verify your email <now>");
    expect(parsed.to && "text" in parsed.to ? parsed.to.text : "").toBe("ada@example.com");
    const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === "mail written to the outbox");
    expect(logged.links).toEqual(["http://localhost:3000/verify-email#token=abc123"]);
  });

  it("removes outbox mails older than a week when it writes one", async () => {
    const outboxDir = await mkdtemp(path.join(os.tmpdir(), "stave-outbox-"));
    const daysAgo = async (name: string, days: number) => {
      const file = path.join(outboxDir, name);
      await writeFile(file, "old mail with a link token");
      const when = new Date(Date.now() - days * 86_400_000);
      await utimes(file, when, when);
    };
    await daysAgo("stale.eml", 8);
    await daysAgo("recent.eml", 6);
    await daysAgo("notes.txt", 30);
    const outboxMailer = createMailer({ from: "Stave <no-reply@localhost>", outboxDir, logger: silentLogger });
    await outboxMailer.send({ to: "ada@example.com", ...welcome });
    const files = (await readdir(outboxDir)).sort();
    expect(files).toHaveLength(3);
    expect(files).not.toContain("stale.eml");
    expect(files).toEqual(expect.arrayContaining(["notes.txt", "recent.eml"]));
  });
});
