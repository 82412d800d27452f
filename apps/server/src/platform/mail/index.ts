export { createMailer, type MailContent, type Mailer, type OutgoingMail } from "./mailer.ts";
export { deleteMailTo, mailJobs, queueMail } from "./outbox.ts";
export { composeMail, escapeHtml } from "./templates.ts";
