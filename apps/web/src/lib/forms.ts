import type { ErrorCode } from "@stave/contracts";
import { useState } from "react";
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

type FormOptions<K extends string, V> = {
  /** The fields errors can belong to: the schema's and the server's messages are mapped onto them. */
  fields: readonly K[];
  initialValues: V | (() => V);
  /** Why the last submission failed (a mutation's `error`); its field errors show on the fields. */
  submitError?: unknown;
  /** Error codes that belong to one field (EMAIL_TAKEN → email), and their words. */
  codeFields?: Partial<Record<ErrorCode, K>>;
  messages?: ErrorMessages;
  /** Called on every edit, e.g. to take down a "Saved" notice the edit has made stale. */
  onEdit?: () => void;
};

/** What a `Field` needs to show one of the form's fields and write back to it. */
export type BoundField<V, F extends keyof V> = {
  name: F;
  value: V[F];
  onChange: (value: V[F]) => void;
  error: string | undefined;
};

/**
 * One field's props from a set of values, its setter and its errors: what `form.field` gives,
 * for a group of fields (TrackFields, NewPasswordFields) that receives them from its form.
 */
export function bindField<V, F extends keyof V & string>(
  values: V,
  setValue: (field: F, value: V[F]) => void,
  errors: Partial<Record<F, string>>,
  field: F,
): BoundField<V, F> {
  return { name: field, value: values[field], onChange: (value) => setValue(field, value), error: errors[field] };
}

export type Form<K extends string, V extends object> = {
  values: V;
  setValue: <F extends keyof V>(field: F, value: V[F]) => void;
  /** An `onChange` for one field's input: `onChange={form.change("email")}`. */
  change: <F extends keyof V>(field: F) => (value: V[F]) => void;
  /** One field's name, value, `onChange` and error: `<Field label="Email" {...form.field("email")} />`. */
  field: <F extends K & keyof V>(field: F) => BoundField<V, F>;
  /** Back to the initial values, without errors (e.g. once a password change went through). */
  reset: () => void;
  /** What each field shows: a problem found before sending, else the server's. */
  errors: FieldErrors<K>;
  /** The submission failed for a reason no field explains: show it as an alert. */
  failedOutsideFields: boolean;
  /**
   * Checks `data` against the contract's schema before anything is sent, with the form's own
   * checks in `extra` (a message for a field, or undefined where it is fine; they win over the
   * schema's). Shows what it found and returns the parsed request, or undefined.
   */
  validate: <T>(
    schema: SafeParser<T>,
    data: Readonly<Record<string, unknown>>,
    extra?: FieldErrors<K>,
  ) => T | undefined;
  /** The same for a validation a draft helper already made (trackDraft, playlistDraft). */
  validated: <T>(validation: Validation<T, K>, extra?: FieldErrors<K>) => T | undefined;
  /** For a form without a schema: shows the problems found and says whether it may be sent. */
  check: (found: FieldErrors<K>) => boolean;
};

/**
 * The value and error state every form keeps: the values as typed, the problems found before
 * sending, and the field errors of the server's reply, shown on the fields they concern.
 */
export function useForm<K extends string, V extends object>(options: FormOptions<K, V>): Form<K, V> {
  const { fields, initialValues, submitError, codeFields, messages, onEdit } = options;
  const [values, setValues] = useState<V>(initialValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors<K>>({});
  const serverErrors = fieldErrorsFromApi(submitError, fields, codeFields, messages);

  const setValue = <F extends keyof V>(field: F, value: V[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    onEdit?.();
  };
  const check = (found: FieldErrors<K>) => {
    setClientErrors(found);
    return !hasFieldErrors(found);
  };
  const validated = <T>(validation: Validation<T, K>, extra: FieldErrors<K> = {}) => {
    const found = { ...(validation.ok ? {} : validation.fieldErrors), ...definedOnly(extra) };
    return check(found) && validation.ok ? validation.data : undefined;
  };

  const errors = { ...serverErrors, ...clientErrors };

  return {
    values,
    setValue,
    change: (field) => (value) => setValue(field, value),
    field: (field) => bindField(values, setValue, errors, field),
    reset: () => {
      setValues(initialValues);
      setClientErrors({});
    },
    errors,
    failedOutsideFields: submitError != null && !hasFieldErrors(serverErrors),
    validate: (schema, data, extra) => validated(validate(schema, data, fields), extra),
    validated,
    check,
  };
}

function definedOnly<K extends string>(errors: FieldErrors<K>): FieldErrors<K> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as FieldErrors<K>;
}
