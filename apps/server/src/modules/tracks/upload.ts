import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../platform/http/errors.ts";
import { fileTooLarge } from "./storage-quota.ts";
import { processUploadsDir } from "./tmp-cleanup.ts";

export interface ReceivedFile {
  path: string;
  filename: string;
  size: number;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  audio: ReceivedFile | null;
  artwork: ReceivedFile | null;
  /** A resumable upload's quota reservation: its own bytes are not counted twice when it is ingested. */
  reservationId?: string;
  /** Removes the temporary files, whatever happened. */
  discard(): Promise<void>;
}

const ARTWORK_MAX_BYTES = 20 * 1024 * 1024;
/** The form's text fields: the track's details are far fewer. */
const MAX_FIELDS = 20;
/**
 * `file` and `artwork`, and one more: a third file part is always a repeat or a stranger, and
 * is refused by name below before a byte of it is stored (at two, the parser would answer a
 * repeated `artwork` after both with its own "too many files" instead).
 */
const MAX_FILES = 3;

/**
 * What busboy puts where a field's bytes are not valid UTF-8. Its decoder is not strict, and the
 * charset a part may declare (`text/plain; charset=utf-8`, as .NET and Java clients send) wins
 * over any default we set, so the raw bytes are out of reach: the replacement character is how a
 * broken field shows. JSON bodies refuse such bytes outright; a form must not store them as "\ufffd".
 */
const REPLACEMENT_CHARACTER = "\ufffd";

const errorCodeOf = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error ? error.code : undefined;

const isFileTooLarge = (error: unknown) => errorCodeOf(error) === "FST_REQ_FILE_TOO_LARGE";

/**
 * The multipart parser (busboy) reports a body it cannot read (no boundary, a wrong one,
 * truncated, garbage) as a plain Error: no code, no status. The parser's limits and a full
 * disk carry a code, and keep their own answer.
 */
const isMalformedMultipart = (error: unknown) =>
  error instanceof Error && !(error instanceof AppError) && !("code" in error) && !("statusCode" in error);

/**
 * Streams a multipart upload to temporary files (never holding a file in memory):
 * the audio from field `file`, an optional image from `artwork`, the rest as text fields.
 * On any failure the temporary files are gone before the error propagates.
 */
export async function receiveUpload(
  request: FastifyRequest,
  tmpDir: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError("BAD_REQUEST", "Send the track as multipart/form-data with the audio in the field `file`");
  }
  // Under this process's own folder: if it is killed mid-upload, the next start removes it.
  const dir = path.join(processUploadsDir(tmpDir), randomUUID());
  await mkdir(dir, { recursive: true });
  const upload: ReceivedUpload = {
    fields: {},
    audio: null,
    artwork: null,
    discard: () => rm(dir, { recursive: true, force: true }),
  };
  try {
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: MAX_FILES, fields: MAX_FIELDS, fieldSize: 16 * 1024 },
    })) {
      if (part.type === "field") {
        const value = String(part.value);
        if (value.includes(REPLACEMENT_CHARACTER)) {
          throw new AppError("VALIDATION_FAILED", `The field \`${part.fieldname}\` is not valid UTF-8`, [
            { path: `body.${part.fieldname}`, message: "Not valid UTF-8 text" },
          ]);
        }
        upload.fields[part.fieldname] = value;
        continue;
      }
      if (part.fieldname !== "file" && part.fieldname !== "artwork") {
        part.file.resume();
        throw new AppError("BAD_REQUEST", `Unexpected file field \`${part.fieldname}\`: use \`file\` and \`artwork\``);
      }
      // One of each: a second one would silently replace the first, and which file the track got
      // would depend on the order a client happened to write them in.
      if ((part.fieldname === "file" ? upload.audio : upload.artwork) !== null) {
        part.file.resume();
        throw new AppError("BAD_REQUEST", `More than one \`${part.fieldname}\` part: send one file in it`);
      }
      const target = path.join(dir, part.fieldname);
      await pipeline(part.file, createWriteStream(target));
      const received = { path: target, filename: part.filename, size: (await stat(target)).size };
      if (part.fieldname === "file") upload.audio = received;
      else upload.artwork = received;
    }
    if (upload.artwork && upload.artwork.size > ARTWORK_MAX_BYTES) {
      throw new AppError("FILE_TOO_LARGE", "The artwork is larger than 20 MB");
    }
    return upload;
  } catch (error) {
    await upload.discard();
    if (isFileTooLarge(error)) {
      throw fileTooLarge(maxBytes);
    }
    // The parser's own messages ("reach fields limit") tell a person nothing.
    if (errorCodeOf(error) === "FST_FIELDS_LIMIT") {
      throw new AppError("PAYLOAD_TOO_LARGE", `Too many form fields: at most ${MAX_FIELDS}`);
    }
    if (isMalformedMultipart(error)) {
      throw new AppError("BAD_REQUEST", `The multipart body cannot be read: ${(error as Error).message}`);
    }
    throw error;
  }
}
