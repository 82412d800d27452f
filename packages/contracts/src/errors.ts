import { z } from "zod";

/**
 * Every error code the API can answer with. The HTTP status that goes with each
 * lives here too, so the server and the web app agree on both.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TWO_FACTOR_CODE: 401,
  PASSWORD_INCORRECT: 403,
  /** An in-session confirmation (password or 2FA code) is missing from the request. */
  REAUTH_REQUIRED: 403,
  INVALID_TOKEN: 400,
  WEAK_PASSWORD: 422,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  EMAIL_NOT_VERIFIED: 403,
  CREATOR_ROLE_REQUIRED: 403,
  ACCOUNT_SUSPENDED: 403,
  PASSWORD_RESET_REQUIRED: 403,
  REGISTRATION_CLOSED: 403,
  INVITE_CODE_INVALID: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  TWO_FACTOR_ALREADY_ENABLED: 409,
  TWO_FACTOR_NOT_ENABLED: 409,
  TWO_FACTOR_SETUP_REQUIRED: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  QUOTA_EXCEEDED: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA: 415,
  RANGE_NOT_SATISFIABLE: 416,
  TRACK_NOT_READY: 409,
  TRACK_ALREADY_IN_PLAYLIST: 409,
  PLAYLIST_FULL: 409,
  PLAYLIST_ORDER_MISMATCH: 409,
  UNPROCESSABLE: 422,
  PLAY_PROGRESS_IMPLAUSIBLE: 422,
  MESSAGING_BLOCKED: 403,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  EXPORT_RATE_LIMITED: 429,
  EXPORT_NOT_READY: 409,
  EXPORT_EXPIRED: 410,
  ROLE_CHANGED_CONCURRENTLY: 409,
  ALREADY_REPORTED: 409,
  CANNOT_REPORT_OWN: 422,
  REPORT_ALREADY_CLOSED: 409,
  JOB_NOT_FAILED: 409,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const errorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

/** The one shape of every error body: `{"error": {"code", "message", "details"?}}`. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
