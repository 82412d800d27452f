import { AppError } from "./errors.ts";

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded.
 * A malformed cursor is the caller's mistake (400), never a 500.
 */
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
  throw new AppError("VALIDATION_FAILED", "The cursor is not valid", [
    { path: "querystring.cursor", message: "malformed cursor" },
  ]);
}
