import { type Expression, type RawBuilder, sql } from "kysely";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.ts";
import { AppError } from "../../platform/http/errors.ts";

/**
 * Keyset cursors over (timestamp, uuid), newest first. The timestamp travels as text to the
 * microsecond, as PostgreSQL stores it: a JavaScript Date keeps only milliseconds, and a
 * cursor rounded to them would skip rows within the same millisecond.
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

export const malformedCursor = () =>
  new AppError("VALIDATION_FAILED", "The cursor is not valid", [
    { path: "querystring.cursor", message: "malformed cursor" },
  ]);

/** A timestamp column as a cursor key (UTC, microseconds). */
export const timeKey = (column: Expression<Date> | RawBuilder<Date>): RawBuilder<string> =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

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
