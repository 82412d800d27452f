import type { MailContent } from "./mailer.ts";

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/**
 * The frame every Stave mail shares. Modules write their templates as plain functions
 * returning MailContent and use this for the HTML part; `paragraphs` are plain text.
 */
export function composeMail(input: {
  siteName: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}): MailContent {
  const { siteName, subject, paragraphs, action } = input;
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), "", `— ${siteName}`].join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f">
<h1 style="font-size:20px">${escapeHtml(subject)}</h1>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
${action ? `<p><a href="${escapeHtml(action.url)}" style="background:#5b3df5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:12px;color:#666">${escapeHtml(action.url)}</p>` : ""}
<p style="font-size:12px;color:#666">— ${escapeHtml(siteName)}</p>
</body></html>`;
  return { subject, text, html };
}
