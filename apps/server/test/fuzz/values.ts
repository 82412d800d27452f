import type { Prng } from "./prng.ts";

/**
 * Hostile values, already percent-encoded where they go into a URL. Each is something a
 * real client has sent a web app at some point: ids that are not ids, traversal, encodings
 * that do not decode, text that PostgreSQL cannot store, numbers past every range.
 */
export const garbagePathValues = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "6F1C2B9E-3D4A-4B5C-8D6E-7F8091A2B3C4",
  "%7B6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4%7D",
  "6f1c2b9e3d4a4b5c8d6e7f8091a2b3c4",
  "%00",
  "a%00b",
  "%2e%2e",
  "..%2F..%2Fetc%2Fpasswd",
  "%ED%A0%80",
  "%C0%AE",
  "%FF%FE",
  "%E2%80%AE%E2%80%8Bx",
  "%EF%BB%BF",
  "%F0%9F%8E%B5",
  "%25",
  "%2525",
  "x%0Ay",
  "%20",
  "'%20OR%201%3D1--",
  "-1",
  "0",
  "1e400",
  "null",
  "me",
  "a".repeat(101),
  "b".repeat(3000),
];

export const garbageQueryValues = [
  "",
  "-1",
  "0",
  "99999999999999999999",
  "1e400",
  "NaN",
  "1.5",
  "abc",
  "true",
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%C3",
  "%E2%80%AE",
  "%E2%80%8B",
  "%F0%9F%92%A5",
  "a".repeat(5000),
  "%27%3B--",
  "2024-02-30T25%3A61%3A00Z",
  "%2B275760-09-13T00%3A00%3A00.000Z",
  "-000001-01-01",
  "0000-00-00",
  "unlisted",
  "admin",
];

const base64url = (text: string | Buffer) => Buffer.from(text).toString("base64url");

/** Cursors that decode to the wrong thing, or to nothing at all. */
export function garbageCursor(random: Prng): string {
  return random.pick([
    "!!!",
    "%00",
    base64url(""),
    base64url("null"),
    base64url("[]"),
    base64url('["a"]'),
    base64url("{"),
    base64url('{"at":1,"id":[]}'),
    base64url('{"at":"2025-01-01T00:00:00Z","id":"not-a-uuid"}'),
    base64url('{"at":"not a date","id":"6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4"}'),
    base64url('{"at":"+275760-09-13T00:00:00.000Z","id":"6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4"}'),
    base64url('{"at":"2025-01-01T00:00:00Z","id":"6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4","score":"x","rank":1e999}'),
    base64url('{"__proto__":{"admin":true}}'),
    base64url(`{"at":"${"9".repeat(400)}"}`),
    base64url("a\u0000b"),
    base64url(Buffer.from([0xff, 0xfe, 0xfd])),
    "A".repeat(4000),
  ]);
}

/** Strings that break naive text handling. */
export const oddStrings = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  "\u202eevil.exe",
  "zero\u200bwidth",
  "\ufeffbom",
  "e\u0301\u0301\u0301",
  "\u2028\u2029",
  "\uffff",
  "💥".repeat(40),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%s%n%x",
  // A template-injection probe, written literally on purpose.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the payload
  "${7*7}{{7*7}}",
  "   ",
  "",
  "\\",
  "../../etc/passwd",
];

/** JSON numbers beyond what JavaScript or PostgreSQL hold, written as JSON text. */
export const oddNumbers = [
  "1e999",
  "-1e999",
  "9007199254740993",
  "-0",
  "1e-400",
  "0.1",
  "1.5",
  "-1",
  "2147483648",
  "99999999999999999999999",
];

export const oddDates = [
  "2024-02-30T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "0000-00-00",
  "9999-12-31T23:59:59.999Z",
  "1970-01-01T00:00:00+25:00",
  "yesterday",
];

/** Any other JSON value, to put where a field expects a different type. */
export const wrongTypedValues: unknown[] = [123, -1, 1.5, true, false, null, [], {}, "str", [1, 2], { a: 1 }, [[]], ""];

/** `depth` levels of arrays or objects around a scalar. */
export function nested(depth: number, kind: "array" | "object"): string {
  return kind === "array"
    ? `${"[".repeat(depth)}1${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** A tiny but real WAV (8 kHz mono, 16-bit): enough for an upload to be probed and stored. */
export function tinyWav(samples = 800): Buffer {
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(3000 * Math.sin(i / 4)), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
