import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "../logger.ts";
import { pruneOutboxFiles } from "./outbox-files.ts";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingMail extends MailContent {
  to: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string | undefined;
  from: string;
  outboxDir: string;
  logger: Logger;
}

const linkPattern = /https?:\/\/[^\s<>"')]+/g;

/**
 * Real SMTP when `smtpUrl` is set. Otherwise each mail becomes an `.eml` file in the
 * outbox directory, and one log line carries its links so a developer can click through
 * sign-up without a mail server.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  // Old mails (and the tokens in their links) do not pile up: pruned with every write.
  const prune = () =>
    pruneOutboxFiles(options.outboxDir).catch((error: unknown) =>
      options.logger.warn({ err: error }, "could not prune old outbox mails"),
    );
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(options.outboxDir, { recursive: true });
      await prune();
      const file = path.join(
        options.outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`,
      );
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      const links = mail.text.match(linkPattern) ?? [];
      options.logger.info({ to: mail.to, subject: mail.subject, file, links }, "mail written to the outbox");
    },
    close: () => transport.close(),
  };
}
