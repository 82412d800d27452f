import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { lstat, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, InvalidStorageKeyError } from "./keys.ts";
import { type ByteRange, type Storage, StorageNotFoundError, type StoredObject } from "./storage.ts";

const TEMP_DIR = ".tmp";

/** Storage in a local directory. Writes land in a temporary file and are renamed into place. */
export function createLocalStorage(root: string): Storage {
  const absoluteRoot = path.resolve(root);

  function resolve(key: string, options?: { allowPrefix: boolean }): string {
    assertSafeKey(key, options);
    const resolved = path.resolve(absoluteRoot, key);
    if (!resolved.startsWith(absoluteRoot + path.sep))
      throw new InvalidStorageKeyError(key, "outside the storage root");
    return resolved;
  }

  const exists = (file: string) =>
    lstat(file).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );

  async function statOf(file: string): Promise<StoredObject | null> {
    try {
      const info = await stat(file);
      return info.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  return {
    async put(key, body) {
      const target = resolve(key);
      const temporary = path.join(absoluteRoot, TEMP_DIR, randomUUID());
      await mkdir(path.dirname(temporary), { recursive: true });
      try {
        await pipeline(body, createWriteStream(temporary, { mode: 0o640 }));
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return (await statOf(target)) as StoredObject;
    },

    async get(key, range?: ByteRange): Promise<Readable> {
      const file = resolve(key);
      const info = await statOf(file);
      if (!info) throw new StorageNotFoundError(key);
      return createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },

    stat: async (key) => statOf(resolve(key)),

    async delete(key) {
      await rm(resolve(key), { force: true });
    },

    localPath: (key) => resolve(key),

    async deletePrefix(prefix) {
      if (!prefix.endsWith("/")) throw new InvalidStorageKeyError(prefix, "a prefix ends with /");
      await rm(resolve(prefix, { allowPrefix: true }), { recursive: true, force: true });
    },
    async movePrefix(from, to) {
      for (const prefix of [from, to]) {
        if (!prefix.endsWith("/")) throw new InvalidStorageKeyError(prefix, "a prefix ends with /");
      }
      const target = resolve(to, { allowPrefix: true });
      await mkdir(path.dirname(target), { recursive: true });
      // rename(2) would silently replace an empty directory at the target: refuse any.
      if (await exists(target)) throw new Error(`Cannot move ${from} to ${to}: the target exists`);
      try {
        await rename(resolve(from, { allowPrefix: true }), target);
      } catch (error) {
        // Nothing published there: nothing to move, and no link can reach it either.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
  };
}
