import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createMailer } from "../src/platform/mail/index.ts";
import { silentLogger } from "./database.ts";

export interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on a free port that keeps what it receives, parsed. */
export async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A real SMTP server and a mailer that sends through it, as the `mail.send` job does. */
export async function startSmtpMailer() {
  const smtp = await startSmtpServer();
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: "Stave <no-reply@stave.test>",
    outboxDir: "/nonexistent",
    logger: silentLogger,
  });
  return { smtp, mailer };
}
