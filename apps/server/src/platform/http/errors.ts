import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { type ErrorCode, type ErrorEnvelope, errorStatus } from "@stave/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** An error a user can cause: it carries its code, and its status comes from the contract. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = errorStatus[code];
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  const body: ErrorEnvelope = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return reply.status(status).type("application/json").send(body);
}

/** Fastify's own client errors (and its plugins'), by their code, mapped onto ours. */
const fastifyClientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_REQUEST",
  FST_ERR_BAD_URL: "BAD_REQUEST",
  FST_ERR_MAX_PARAM_LENGTH: "URI_TOO_LONG",
  // @fastify/multipart: too many parts is a body too large, not a malformed one.
  FST_PARTS_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_FIELDS_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_PROTO_VIOLATION: "BAD_REQUEST",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA",
  FST_INVALID_JSON_FIELD_ERROR: "BAD_REQUEST",
  FST_MP_PREMATURE_CLOSE: "BAD_REQUEST",
};

/**
 * Any other client error Fastify raises, by its status: the code and the status of an answer
 * always agree with the contract (a 406 from a plugin becomes a plain 400).
 */
const clientErrorsByStatus: Record<number, ErrorCode> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  408: "REQUEST_TIMEOUT",
  409: "CONFLICT",
  410: "GONE",
  412: "PRECONDITION_FAILED",
  413: "PAYLOAD_TOO_LARGE",
  414: "URI_TOO_LONG",
  415: "UNSUPPORTED_MEDIA",
  416: "RANGE_NOT_SATISFIABLE",
  429: "RATE_LIMITED",
  431: "HEADERS_TOO_LARGE",
};

/** Our code for a client error status that a library chose (a 400 for any we have no code for). */
export const clientErrorCodeFor = (status: number): ErrorCode => clientErrorsByStatus[status] ?? "BAD_REQUEST";

/**
 * What a request's body stream raises when its client goes away before sending all of it: Node's
 * `Error: aborted` (code ECONNRESET), a premature close, a reset or a broken pipe.
 */
const connectionGoneCodes = new Set([
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ERR_STREAM_PREMATURE_CLOSE",
  "FST_MP_PREMATURE_CLOSE",
]);

/**
 * A request that failed because its client hung up mid-body (a dropped mobile upload): not our
 * fault, and nobody is left to read the answer. The same codes from anywhere else (a connection
 * to the database or the mail server reset) are ours, so the request's own stream must have
 * ended early too.
 */
function isClientAbort(error: unknown, request: FastifyRequest): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const gone = connectionGoneCodes.has(code) || (error instanceof Error && error.message === "aborted");
  return gone && (request.raw.readableAborted || request.raw.socket?.destroyed === true);
}

/** character_not_in_repertoire, untranslatable_character, invalid byte sequence. */
const postgresTextErrors = new Set(["22021", "22P05"]);

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isClientAbort(error, request)) {
    // An everyday event (a phone losing signal mid-upload), logged as such: never an error-level alert.
    request.log.info(
      { reason: error.code ?? error.message },
      "the client closed the connection before the request was complete",
    );
    // Written only if the socket can still take it (a client that closed its sending side only).
    return sendError(reply, 400, "BAD_REQUEST", "The connection closed before the request was complete");
  }
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendError(reply, error.status, error.code, error.message, error.details);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({
      path: `${error.validationContext ?? "request"}${issue.instancePath.replaceAll("/", ".")}`,
      message: issue.message,
    }));
    return sendError(reply, 400, "VALIDATION_FAILED", "The request is not valid", issues);
  }
  if (error.validation) {
    return sendError(reply, 400, "VALIDATION_FAILED", error.message);
  }
  const mapped = error.code ? fastifyClientErrors[error.code] : undefined;
  if (mapped) return sendError(reply, errorStatus[mapped], mapped, error.message);
  if (error.statusCode === 429) return sendError(reply, 429, "RATE_LIMITED", "Too many requests");
  // PostgreSQL refuses text it cannot store (a NUL character): the request's fault, not ours.
  if (postgresTextErrors.has(String(error.code))) {
    return sendError(reply, 400, "VALIDATION_FAILED", "Text may not contain NUL characters or invalid UTF-8");
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code = clientErrorCodeFor(error.statusCode);
    return sendError(reply, errorStatus[code], code, error.message);
  }
  request.log.error({ err: error }, "unhandled error");
  return sendError(reply, 500, "INTERNAL", "Something went wrong on our side");
}

/** A UTF-16 surrogate without its other half: JSON can carry one (`"\ud800"`), Unicode text cannot. */
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnstorableText {
  /** A dotted path from the root given, e.g. `body.links.0.url`. */
  path: string;
  problem: "nul" | "surrogate";
}

/**
 * Where in `value` a string holds what PostgreSQL cannot store as text or JSON: a NUL
 * character, or an unpaired surrogate (refused by json/jsonb, silently mangled into U+FFFD in
 * text columns). The first one in document order; null if none.
 * Iterative on purpose: a recursive walk overflows the stack on a body nested a few thousand
 * levels deep, and the answer must be a 400, not a 500.
 */
export function unstorableTextAt(value: unknown, at: string): UnstorableText | null {
  const pending: { value: unknown; at: string }[] = [{ value, at }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === "string") {
      if (next.value.includes("\0")) return { path: next.at, problem: "nul" };
      if (unpairedSurrogate.test(next.value)) return { path: next.at, problem: "surrogate" };
      continue;
    }
    if (typeof next.value !== "object" || next.value === null) continue;
    // Keys are text too (a JSON object's keys can end up in a jsonb column).
    // Pushed in reverse, so the first offending field in document order is the one named.
    const entries = Object.entries(next.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i] as [string, unknown];
      pending.push({ value: inner, at: `${next.at}.${key}` });
      if (!Array.isArray(next.value)) pending.push({ value: key, at: `${next.at}.${key}` });
    }
  }
  return null;
}

/**
 * Errors Fastify meets before it has a route (a bad percent-escape in the path, a path
 * parameter over `maxParamLength`): the same envelope as everything else.
 */
export const handleFrameworkError = handleError;

/** Node's HTTP parser errors that a client causes, as the status and code we answer with. */
function clientErrorAnswer(error: NodeJS.ErrnoException): { status: number; code: ErrorCode; message: string } {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return { status: 408, code: "REQUEST_TIMEOUT", message: "The request took too long to arrive" };
  }
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return { status: 431, code: "HEADERS_TOO_LARGE", message: "The request line or headers are too large" };
  }
  return { status: 400, code: "BAD_REQUEST", message: "The request is not valid HTTP" };
}

/**
 * Requests that Node's HTTP parser refuses before Fastify sees them (over-long headers or
 * query strings, raw bytes outside ASCII in the path, a body that disagrees with its
 * Content-Length) get the envelope too, written straight to the socket, then the
 * connection is closed since the stream can no longer be trusted.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  // As Node's own default does: never write into the middle of a response already under way.
  const inFlight = (socket as Duplex & { _httpMessage?: { _headerSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?._headerSent) {
    const { status, code, message } = clientErrorAnswer(error);
    const body = JSON.stringify({ error: { code, message } } satisfies ErrorEnvelope);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** One place for the error envelope: thrown errors and unknown API routes alike. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(handleError);
  // PostgreSQL text cannot hold NUL (nor json an unpaired surrogate). Refused at the door, before a handler has done half its
  // work (an audit entry lost, a CSV download cut off mid-stream) and with the field named.
  app.addHook("preValidation", async (request) => {
    const found =
      unstorableTextAt(request.params, "params") ??
      unstorableTextAt(request.query, "querystring") ??
      unstorableTextAt(request.body, "body");
    if (found?.problem === "nul") {
      throw new AppError("VALIDATION_FAILED", "Text may not contain NUL characters", [
        { path: found.path, message: "Contains a NUL character" },
      ]);
    }
    if (found) {
      throw new AppError("VALIDATION_FAILED", "Text must be valid Unicode", [
        { path: found.path, message: "Contains half of a surrogate pair" },
      ]);
    }
  });
}
