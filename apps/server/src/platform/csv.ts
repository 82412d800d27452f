/**
 * The one CSV writer: every CSV the product writes (the audit log download, the privacy
 * export's playback history) goes through it, so none can forget the formula rule.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * Text a spreadsheet would run as a formula (or as DDE) when the file is opened: `=`,
 * `+`, `-`, `@`, or a leading tab or carriage return. Titles, usernames and user agents are
 * chosen by whoever wrote them, so such a cell gets a leading apostrophe and stays text.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One field, RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (text === "") return "";
  // Numbers are ours (counts, durations), never a formula, and a negative one stays a number.
  const safe = typeof value !== "number" && formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export const csvLine = (fields: readonly CsvValue[]): string => `${fields.map(csvField).join(",")}\r\n`;
