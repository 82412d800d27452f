/**
 * Storage keys are built by our code from ids (`tracks/<uuid>/original`), never taken
 * from a request as they are. This is the last line of defence if one ever is: a key is
 * relative, made of plain segments, and cannot climb out of the storage root.
 */
const segmentPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string, reason: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 200))}: ${reason}`);
  }
}

export function assertSafeKey(key: string, { allowPrefix = false } = {}): string {
  if (key.length === 0 || key.length > 1024) throw new InvalidStorageKeyError(key, "empty or too long");
  if (key.startsWith("/")) throw new InvalidStorageKeyError(key, "absolute paths are not keys");
  const trimmed = allowPrefix && key.endsWith("/") ? key.slice(0, -1) : key;
  for (const segment of trimmed.split("/")) {
    if (segment === "." || segment === "..") throw new InvalidStorageKeyError(key, "relative segments are not allowed");
    if (!segmentPattern.test(segment)) throw new InvalidStorageKeyError(key, `bad segment ${JSON.stringify(segment)}`);
  }
  return key;
}
