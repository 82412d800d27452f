import { type JsonSchema, type OpenApiDocument, resolveSchema, sampleValue } from "./openapi.ts";
import type { Prng } from "./prng.ts";
import { nested, oddDates, oddNumbers, oddStrings, tinyWav, wrongTypedValues } from "./values.ts";

/** Request bodies for the fuzzer: JSON with one thing broken, multipart broken as clients break it. */

/** A JSON body for the operation's schema with one thing broken, written as text. */
export function jsonBody(
  random: Prng,
  document: OpenApiDocument,
  schema: JsonSchema,
  uuids: string[],
): { mutation: string; text: string } {
  const sample = sampleValue(document, schema, random, { uuids });
  const base: Record<string, unknown> =
    typeof sample === "object" && sample !== null && !Array.isArray(sample) ? { ...(sample as object) } : {};
  const resolved = resolveSchema(document, schema);
  const keys = [...new Set([...Object.keys(base), ...Object.keys(resolved.properties ?? {})])];
  const key = keys.length ? random.pick(keys) : "field";
  /** The body with `key` set to raw JSON text (numbers past range, nesting, built by hand). */
  const withRaw = (raw: string) => {
    const rest = { ...base };
    delete rest[key];
    const others = JSON.stringify(rest).slice(1, -1);
    return `{${others ? `${others},` : ""}${JSON.stringify(key)}:${raw}}`;
  };
  const kind = random.int(-3, 13);
  switch (kind) {
    case -3:
    case -2:
    case -1:
      // Valid, but at the edges of the schema: these reach the handlers and the database.
      return {
        mutation: "valid at the edges",
        text: JSON.stringify(sampleValue(document, schema, random, { edge: true, uuids })),
      };
    case 0:
      return { mutation: "valid sample", text: JSON.stringify(sample) };
    case 1: {
      const rest = { ...base };
      delete rest[key];
      return { mutation: `missing ${key}`, text: JSON.stringify(rest) };
    }
    case 2:
      return {
        mutation: "extra fields",
        text: JSON.stringify({
          ...base,
          fuzzExtra: random.pick(oddStrings),
          id: "6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4",
          role: "admin",
        }),
      };
    case 3:
      return { mutation: `wrong type for ${key}`, text: withRaw(JSON.stringify(random.pick(wrongTypedValues))) };
    case 4:
      return {
        mutation: `huge string in ${key}`,
        text: withRaw(JSON.stringify("x".repeat(random.int(5_000, 200_000)))),
      };
    case 5:
      return {
        mutation: `huge array in ${key}`,
        text: withRaw(JSON.stringify(Array(random.int(1_000, 20_000)).fill("x"))),
      };
    case 6: {
      const depth = random.pick([40, 63, 65, 200, 5_000]);
      return {
        mutation: `${depth} levels of nesting in ${key}`,
        text: withRaw(nested(depth, random.pick(["array", "object"]))),
      };
    }
    case 7: {
      const odd = random.pick(oddStrings);
      return { mutation: `odd text ${JSON.stringify(odd).slice(0, 40)} in ${key}`, text: withRaw(JSON.stringify(odd)) };
    }
    case 8: {
      const number = random.pick(oddNumbers);
      return { mutation: `number ${number} in ${key}`, text: withRaw(number) };
    }
    case 9: {
      const date = random.pick(oddDates);
      return { mutation: `date ${date} in ${key}`, text: withRaw(JSON.stringify(date)) };
    }
    case 10: {
      const text = random.pick([
        "[]",
        '"str"',
        "1",
        "null",
        "true",
        "{",
        '{"a":}',
        "\ufeff{}",
        "{}garbage",
        "[".repeat(4000),
      ]);
      return { mutation: `body ${JSON.stringify(text.slice(0, 20))}`, text };
    }
    case 11:
      return {
        mutation: "prototype keys",
        text: random.pick([
          `{"__proto__":{"admin":true},${JSON.stringify(key)}:1}`,
          `{"constructor":{"prototype":{"admin":true}}}`,
        ]),
      };
    case 12: {
      // Every field at once with an odd value of another type.
      const all = Object.fromEntries(keys.map((k) => [k, random.pick([...wrongTypedValues, ...oddStrings])]));
      return { mutation: "every field wrong", text: JSON.stringify(all) };
    }
    default:
      return {
        mutation: "duplicate keys",
        text: withRaw(`1,${JSON.stringify(key)}:${JSON.stringify(random.pick(oddStrings))}`),
      };
  }
}

export const wrongContentTypes = [
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=zz",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/json;;",
  "application/octet-stream",
  "*/*",
  "application/jsonx",
  "text/json",
  "application/json, text/plain",
];

/** A multipart body for the upload route, broken in one of the ways clients break them. */
export function multipartBody(random: Prng): { mutation: string; contentType: string; body: Buffer } {
  const boundary = `fuzz${random.int(1000, 9999)}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const file = (name: string, filename: string, content: Buffer, type = "audio/wav") =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from("\r\n"),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const title = field("title", random.pick(["Fuzz", ...oddStrings.filter(Boolean)]));
  const good = Buffer.concat([Buffer.from(title), file("file", "tone.wav", tinyWav()), end]);
  switch (random.int(0, 12)) {
    case 0:
      return { mutation: "valid tiny wav, odd title", contentType, body: good };
    case 1:
      return { mutation: "no boundary", contentType: "multipart/form-data", body: good };
    case 2:
      return { mutation: "wrong boundary", contentType: "multipart/form-data; boundary=other", body: good };
    case 3:
      return { mutation: "truncated", contentType, body: good.subarray(0, random.int(10, good.length - 10)) };
    case 4:
      return {
        mutation: "garbage bytes",
        contentType,
        body: Buffer.from(Array.from({ length: random.int(1, 400) }, () => random.int(0, 255))),
      };
    case 5: {
      const many = Array.from({ length: random.int(25, 300) }, (_, i) => field(`f${i}`, "x")).join("");
      return { mutation: "too many parts", contentType, body: Buffer.concat([Buffer.from(many), end]) };
    }
    case 6:
      return {
        mutation: "unknown and duplicate file fields",
        contentType,
        body: Buffer.concat([
          file("evil", "x.sh", Buffer.from("#!/bin/sh")),
          file("file", "a.wav", tinyWav()),
          file("file", "b.wav", tinyWav()),
          end,
        ]),
      };
    case 7:
      return {
        mutation: "not audio",
        contentType,
        body: Buffer.concat([
          file("file", random.pick(["a.wav", "../../x.mp3", "\u202e3pm.exe", ""]), Buffer.from("not audio at all")),
          end,
        ]),
      };
    case 8:
      return {
        mutation: "odd fields",
        contentType,
        body: Buffer.concat([
          Buffer.from(field("visibility", random.pick(["secret", "", "a\u0000b"]))),
          Buffer.from(field("tags", random.pick(["[", '["a",1,null]', "x".repeat(20_000)]))),
          Buffer.from(field("releaseDate", random.pick(oddDates))),
          Buffer.from(field("__proto__", "x")),
          file("file", "a.wav", tinyWav()),
          end,
        ]),
      };
    case 9:
      return {
        mutation: "artwork that is not an image",
        contentType,
        body: Buffer.concat([
          file("file", "a.wav", tinyWav()),
          file("artwork", "a.png", Buffer.from("GIF89a...."), "image/png"),
          end,
        ]),
      };
    case 10:
      return {
        mutation: "empty file",
        contentType,
        body: Buffer.concat([file("file", "a.wav", Buffer.alloc(0)), end]),
      };
    case 11:
      return {
        mutation: "broken part headers",
        contentType,
        body: Buffer.from(
          `--${boundary}\r\nContent-Disposition\r\n\r\nx\r\n--${boundary}\r\n: \r\n\r\n--${boundary}--`,
        ),
      };
    default:
      return { mutation: "empty body", contentType, body: Buffer.alloc(0) };
  }
}
