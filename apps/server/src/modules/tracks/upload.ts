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

const isFileTooLarge = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "FST_REQ_FILE_TOO_LARGE";

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
      limits: { fileSize: maxBytes, files: 2, fields: 20, fieldSize: 16 * 1024 },
    })) {
      if (part.type === "field") {
        upload.fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" && part.fieldname !== "artwork") {
        part.file.resume();
        throw new AppError("BAD_REQUEST", `Unexpected file field \`${part.fieldname}\`: use \`file\` and \`artwork\``);
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
    if (isMalformedMultipart(error)) {
      throw new AppError("BAD_REQUEST", `The multipart body cannot be read: ${(error as Error).message}`);
    }
    throw error;
  }
}
