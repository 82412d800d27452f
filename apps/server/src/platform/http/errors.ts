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

/** Fastify's own client errors, by their code, mapped onto ours. */
const fastifyClientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_REQUEST",
};

/** character_not_in_repertoire, untranslatable_character, invalid byte sequence. */
const postgresTextErrors = new Set(["22021", "22P05"]);

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
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
    return sendError(reply, error.statusCode, "BAD_REQUEST", error.message);
  }
  request.log.error({ err: error }, "unhandled error");
  return sendError(reply, 500, "INTERNAL", "Something went wrong on our side");
}

/** Where in `value` a string holds a NUL character, as a dotted path from `at`; null if nowhere. */
function nulCharacterAt(value: unknown, at: string): string | null {
  if (typeof value === "string") return value.includes("\0") ? at : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulCharacterAt(inner, `${at}.${key}`);
    if (found) return found;
  }
  return null;
}

/** One place for the error envelope: thrown errors and unknown API routes alike. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(handleError);
  // PostgreSQL text cannot hold NUL. Refused at the door, before a handler has done half its
  // work (an audit entry lost, a CSV download cut off mid-stream) and with the field named.
  app.addHook("preValidation", async (request) => {
    const where =
      nulCharacterAt(request.params, "params") ??
      nulCharacterAt(request.query, "querystring") ??
      nulCharacterAt(request.body, "body");
    if (where) {
      throw new AppError("VALIDATION_FAILED", "Text may not contain NUL characters", [
        { path: where, message: "Contains a NUL character" },
      ]);
    }
  });
}
