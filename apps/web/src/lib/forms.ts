import type { ErrorCode } from "@stave/contracts";
import { ApiError } from "./api.ts";
import { type ErrorMessages, errorMessage } from "./errorMessage.ts";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** The part of a zod schema forms use; keeps the web app free of a direct zod import. */
export type SafeParser<T> = {
  safeParse: (
    data: unknown,
  ) => { success: true; data: T } | { success: false; error: { readonly issues: readonly Issue[] } };
};

export type Validation<T, K extends string> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors<K> };

/** Checks form values against the contract's request schema before anything is sent. */
export function validate<T, K extends string>(
  schema: SafeParser<T>,
  values: Readonly<Record<string, unknown>>,
  fields: readonly K[],
): Validation<T, K> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors<K> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path, fields);
    if (field && fieldErrors[field] === undefined) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * Field errors carried by an API error: the `[{path, message}]` details of a
 * VALIDATION_FAILED, or a whole code that belongs to one field (EMAIL_TAKEN → email).
 */
export function fieldErrorsFromApi<K extends string>(
  error: unknown,
  fields: readonly K[],
  codeFields: Partial<Record<ErrorCode, K>> = {},
  messages: ErrorMessages = {},
): FieldErrors<K> {
  if (!(error instanceof ApiError)) return {};
  const codeField = codeFields[error.code];
  if (codeField !== undefined) return { [codeField]: errorMessage(error, messages) } as FieldErrors<K>;
  if (error.code !== "VALIDATION_FAILED" || !Array.isArray(error.details)) return {};
  const fieldErrors: FieldErrors<K> = {};
  for (const detail of error.details) {
    if (!isDetail(detail)) continue;
    const path = Array.isArray(detail.path) ? detail.path : String(detail.path).split(".");
    const field = fieldOf(path, fields);
    if (field && fieldErrors[field] === undefined) fieldErrors[field] = detail.message;
  }
  return fieldErrors;
}

/** True when `fieldErrors` explains the error, so the form need not repeat it as an alert. */
export function hasFieldErrors<K extends string>(fieldErrors: FieldErrors<K>): boolean {
  return Object.values(fieldErrors).some((message) => message !== undefined);
}

// The server names where a problem is ("body.email"); forms only know their fields.
const requestParts = new Set(["body", "querystring", "params", "headers", "request"]);

function fieldOf<K extends string>(path: readonly unknown[], fields: readonly K[]): K | undefined {
  const first = requestParts.has(String(path[0])) ? path[1] : path[0];
  return fields.find((field) => field === first);
}

function isDetail(value: unknown): value is { path: unknown; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    "path" in value &&
    "message" in value &&
    typeof value.message === "string"
  );
}
