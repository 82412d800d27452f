import type { z } from "zod";
import type { Role, TokenScope } from "./accounts.ts";
import type { ErrorCode } from "./errors.ts";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call an operation. A list of roles is a staff operation: tokens reach it only with
 * the `admin` scope. The server refuses to start with a route whose operation has none.
 */
export type Access = "public" | "authenticated" | "creator" | readonly Role[];

/**
 * One API operation: everything the server registers, the web client calls and the mocks
 * answer. A change here breaks the compile wherever the operation is used.
 */
export interface Operation {
  method: HttpMethod;
  /** Fastify / MSW path syntax: `/api/v1/tracks/:id`. */
  path: string;
  summary: string;
  /** Longer OpenAPI text: the refusals and side effects a caller should know about. */
  description?: string;
  /** OpenAPI tag(s) the operation is listed under. */
  tags: readonly string[];
  access: Access;
  /** The token scope needed instead of the method's `read` / `write` (uploads need `upload`). */
  scope?: TokenScope;
  /** False for the auth routes that start a session rather than use one. */
  csrf?: boolean;
  /**
   * `none`: the operation carries its own proof (a signed media URL, the metrics token) or
   * serves what anyone may have, so the session and tokens are not looked up.
   */
  credentials?: "stave" | "none";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Replies by status. An operation whose success is not JSON (a stream, a file, a
   * redirect) lists no schema for it and says so in `produces`.
   */
  response: Partial<Record<number, z.ZodType>>;
  /** Content type of a non-JSON success (`text/event-stream`, `application/zip`…). */
  produces?: string;
  /** The error codes a caller should expect besides the ones every route can answer. */
  errors: readonly ErrorCode[];
}

/** Declares an operation, keeping its exact schema types for the server, client and mocks. */
export const operation = <const T extends Operation>(definition: T): T => definition;

type SuccessStatus = 200 | 201 | 202 | 204;
type Schemas<T extends Operation> = T["response"];

/** The JSON a successful call answers with (undefined for a 204 or a non-JSON reply). */
export type OperationResult<T extends Operation> = {
  [S in SuccessStatus]: S extends keyof Schemas<T>
    ? Schemas<T>[S] extends z.ZodType
      ? z.infer<Schemas<T>[S]>
      : never
    : never;
}[SuccessStatus];

type Input<T, Key extends "params" | "query" | "body"> = T extends { [K in Key]: infer S extends z.ZodType }
  ? z.input<S>
  : undefined;

export type OperationParams<T extends Operation> = Input<T, "params">;
export type OperationQuery<T extends Operation> = Input<T, "query">;
export type OperationBody<T extends Operation> = Input<T, "body">;

/** `/api/v1/tracks/:id` with `{ id: "a b" }` → `/api/v1/tracks/a%20b`. A missing parameter throws. */
export function operationPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
