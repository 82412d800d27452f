import type { FastifyReply, FastifyRequest } from "fastify";
import type { Storage } from "../storage/index.ts";
import { AppError, notFound } from "./errors.ts";

/** One `bytes=start-end` range (suffix and open-ended forms too); null when absent or multi-range. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return null;
  let start: number;
  let end: number;
  if (from === "") {
    start = Math.max(0, size - Number(to));
    end = size - 1;
  } else {
    start = Number(from);
    end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start > end || start >= size) return "unsatisfiable";
  return { start, end };
}

/**
 * A range that starts past the end: 416 with the envelope (and the size, so the client can
 * ask again), before any of the media's own headers are set.
 */
const rangeNotSatisfiable = (size: number) =>
  new AppError("RANGE_NOT_SATISFIABLE", `The requested range is outside the ${size} bytes of this file`, undefined, {
    "content-range": `bytes */${size}`,
  });

/** Streams a stored object with byte-range support (206, 416) and the given headers. */
export async function sendStoredObject(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: Storage,
  key: string,
  headers: Record<string, string>,
) {
  const object = await storage.stat(key);
  if (!object) throw notFound("File");
  const range = parseRange(request.headers.range, object.size);
  if (range === "unsatisfiable") throw rangeNotSatisfiable(object.size);
  reply.headers({ ...headers, "accept-ranges": "bytes", "last-modified": object.modifiedAt.toUTCString() });
  if (range) {
    reply.status(206).headers({
      "content-range": `bytes ${range.start}-${range.end}/${object.size}`,
      "content-length": String(range.end - range.start + 1),
    });
    return reply.send(await storage.get(key, range));
  }
  reply.header("content-length", String(object.size));
  return reply.send(await storage.get(key));
}

/**
 * The same for a buffer already in memory. A whole-object answer is written straight to
 * the socket: this is the hot path of Node-served media, where Fastify's reply pipeline
 * costs more than the bytes.
 */
export function sendBuffer(
  request: FastifyRequest,
  reply: FastifyReply,
  object: { body: Buffer; lastModified: string },
  headers: Record<string, string>,
) {
  const size = object.body.length;
  const range = parseRange(request.headers.range, size);
  if (range === null) {
    reply.hijack();
    reply.raw.writeHead(200, {
      ...headers,
      "accept-ranges": "bytes",
      "last-modified": object.lastModified,
      "content-length": size,
    });
    reply.raw.end(object.body);
    return reply;
  }
  if (range === "unsatisfiable") throw rangeNotSatisfiable(size);
  reply.headers({ ...headers, "accept-ranges": "bytes", "last-modified": object.lastModified });
  reply.status(206).header("content-range", `bytes ${range.start}-${range.end}/${size}`);
  return reply.send(object.body.subarray(range.start, range.end + 1));
}
