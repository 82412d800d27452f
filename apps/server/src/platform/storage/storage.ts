import type { Readable } from "node:stream";

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive; omitted means to the end. */
  end?: number;
}

export interface StoredObject {
  size: number;
  modifiedAt: Date;
}

/**
 * Where media lives: a local directory by default, S3-compatible storage in production.
 * Keys are slash-separated and validated by `assertSafeKey`.
 */
export interface Storage {
  /** Writes the stream under `key`; the object appears whole or not at all. */
  put(key: string, body: Readable): Promise<StoredObject>;
  /** Reads the object, or the given byte range of it. Rejects with StorageNotFoundError. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<StoredObject | null>;
  /** Removes one object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object under `prefix` (which must end with `/`). */
  deletePrefix(prefix: string): Promise<void>;
  /**
   * Moves every object under `from` to `to` (both end with `/`; nothing may be at `to` yet),
   * so links to the old keys stop working at once (a takedown revokes signed media URLs so).
   * The local driver renames one directory: the move is whole or not at all.
   */
  movePrefix(from: string, to: string): Promise<void>;
  /**
   * Where the object already sits on this machine's disk, when the driver keeps it there,
   * so ffmpeg can read it in place instead of from a downloaded copy.
   */
  localPath?(key: string): string;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object at ${key}`);
  }
}
