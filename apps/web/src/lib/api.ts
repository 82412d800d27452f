import {
  type ErrorCode,
  errorEnvelopeSchema,
  type Operation,
  type OperationBody,
  type OperationParams,
  type OperationQuery,
  type OperationResult,
  operationPath,
} from "@stave/contracts";

/** Anything with a zod-like `parse`; keeps this module free of a direct zod dependency. */
export type Schema<T> = { parse: (data: unknown) => T };

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RequestOptions = {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
};

/** A non-2xx answer from the API, carrying the error envelope's fields. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  /** From a 429's `Retry-After` header, when the server sent one in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown, retryAfterSeconds?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Module state rather than a header argument: the token arrives once with the session
// and every later state-changing call must carry it.
let csrfToken: string | undefined;

/** Remember the session's CSRF token (or forget it on logout with `undefined`). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The session's CSRF token, if one has been set. */
export function getCsrfToken(): string | undefined {
  return csrfToken;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(["GET", "HEAD"]);

/**
 * Call the API. With a `schema`, the JSON reply is validated and returned typed;
 * without one, the reply body is ignored and the promise resolves to `undefined`.
 * Throws `ApiError` for any non-2xx status.
 */
export function apiRequest<T>(path: string, options: RequestOptions & { schema: Schema<T> }): Promise<T>;
export function apiRequest(path: string, options?: RequestOptions): Promise<undefined>;
export async function apiRequest<T>(
  path: string,
  options: RequestOptions & { schema?: Schema<T> } = {},
): Promise<T | undefined> {
  const method = options.method ?? "GET";
  const headers = new Headers({ Accept: "application/json" });
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (csrfToken !== undefined && !SAFE_METHODS.has(method)) {
    headers.set("X-CSRF-Token", csrfToken);
  }

  // Absolute URL: Node's fetch (used under jsdom in tests) rejects relative ones.
  const url = new URL(path, window.location.origin);
  const response = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });

  if (!response.ok) throw await toApiError(response);
  if (!options.schema) return undefined;
  // A 204 has no body to parse; the schema decides whether "nothing" is acceptable,
  // so a contract mismatch surfaces here rather than as `undefined` typed as T.
  if (response.status === 204) return options.schema.parse(undefined);
  return options.schema.parse(await response.json());
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  return apiErrorFrom(response.status, body, response.headers.get("Retry-After"));
}

/**
 * The ApiError for a non-2xx answer's status and parsed body. Exported for the one
 * request that cannot use fetch (the upload, sent with XMLHttpRequest for its progress).
 */
export function apiErrorFrom(status: number, body: unknown, retryAfterHeader: string | null = null): ApiError {
  // Proxies and crashed servers answer with HTML or nothing; only trust a real envelope.
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new ApiError(status, code, message, details, parseRetryAfter(retryAfterHeader));
  }
  return new ApiError(status, "INTERNAL", `The server could not handle the request (HTTP ${status}).`);
}

/** Only the delay-seconds form; an HTTP-date is rare from an API and not worth a guess. */
function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

type Present<Key extends string, Value> = [Value] extends [undefined]
  ? { [K in Key]?: undefined }
  : { [K in Key]: Value };

/** What a call of `T` needs: its path parameters, query and body, each only if the operation has one. */
export type CallInput<T extends Operation> = Present<"params", OperationParams<T>> &
  Present<"query", OperationQuery<T>> &
  Present<"body", OperationBody<T>> & { signal?: AbortSignal };

type CallArgs<T extends Operation> =
  Record<never, never> extends CallInput<T> ? [input?: CallInput<T>] : [input: CallInput<T>];

const SUCCESS_STATUSES = [200, 201, 202] as const;

/** `{ limit: 20, cursor: undefined }` → `?limit=20`; values that are not there are left out. */
function queryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of [value].flat()) search.append(key, String(item));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * Call one contract operation: its method and path, the parameters put into the path, the
 * reply validated by its success schema. The compile fails when the call and the contract
 * disagree; there is no URL to spell by hand.
 */
export function callApi<T extends Operation>(operation: T, ...[input]: CallArgs<T>): Promise<OperationResult<T>> {
  const { params, query, body, signal } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const path = operationPath(operation.path, params) + queryString(query);
  const status = SUCCESS_STATUSES.find((candidate) => operation.response[candidate] !== undefined);
  const success = status === undefined ? undefined : operation.response[status];
  // An operation that may also answer 204 (an unfollow of a profile the caller may not see)
  // resolves to null then: the reply has nothing to show, and that is not a contract mismatch.
  const schema =
    success && operation.response[204] !== undefined
      ? { parse: (data: unknown) => (data === undefined ? null : success.parse(data)) }
      : success;
  const options = { method: operation.method, body, signal };
  return (schema ? apiRequest(path, { ...options, schema }) : apiRequest(path, options)) as Promise<OperationResult<T>>;
}
