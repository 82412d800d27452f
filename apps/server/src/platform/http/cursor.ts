import { type Expression, type RawBuilder, sql } from "kysely";
import { AppError } from "./errors.ts";

/**
 * Opaque cursors: the sort key of the last item of a page, base64url-encoded JSON.
 * A malformed cursor, or one edited by hand, is the caller's mistake (400), never a 500.
 */
export const malformedCursor = () =>
  new AppError("VALIDATION_FAILED", "The cursor is not valid", [
    { path: "querystring.cursor", message: "malformed cursor" },
  ]);

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((part) => ["string", "number"].includes(typeof part))
    ) {
      return parts;
    }
  } catch {
    // fall through to the error below
  }
  throw malformedCursor();
}

/**
 * Keyset cursors over (timestamp, uuid), newest first: every list of ours but search's.
 * The timestamp travels as text to the microsecond, as PostgreSQL stores it: a JavaScript
 * Date keeps only milliseconds, and a cursor rounded to them would skip rows written
 * within the same millisecond.
 */
export interface Keyset {
  at: string;
  id: string;
}

const TIME_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isTimeKey = (value: unknown): value is string =>
  typeof value === "string" && TIME_KEY.test(value) && !Number.isNaN(Date.parse(value));
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** A timestamp column as a cursor key (UTC, microseconds). */
export const timeKey = (column: Expression<Date> | RawBuilder<Date>): RawBuilder<string> =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The keyset a cursor carries, checked: PostgreSQL would refuse a bad timestamp or uuid with a 500. */
export function decodeKeyset(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeCursor(cursor, 2);
  if (!isTimeKey(at) || !isUuid(id)) throw malformedCursor();
  return { at, id };
}

export const encodeKeyset = (at: string, id: string) => encodeCursor([at, id]);

/** `(at, id) < (cursor)`: the rows after the cursor, newest first. */
export const beforeKeyset = (
  atColumn: Expression<Date> | RawBuilder<Date>,
  idColumn: Expression<string> | RawBuilder<string>,
  after: Keyset,
): RawBuilder<boolean> => sql<boolean>`(${atColumn}, ${idColumn}) < (${after.at}::timestamptz, ${after.id}::uuid)`;

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** A page of rows fetched with limit + 1, and the cursor after its last row. */
export function pageFrom<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  keyOf: (row: Row) => Keyset,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit;
  return {
    items: page.map(present),
    nextCursor: more && last ? encodeKeyset(keyOf(last).at, keyOf(last).id) : null,
  };
}
