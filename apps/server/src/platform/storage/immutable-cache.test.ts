import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ImmutableObjectCache } from "./immutable-cache.ts";
import { createLocalStorage } from "./local.ts";
import type { Storage } from "./storage.ts";

function countingReads(storage: Storage) {
  const reads: string[] = [];
  const get = (key: string) => {
    reads.push(key);
    return storage.get(key);
  };
  return { reads, storage: { ...storage, get } as Storage };
}

describe("immutable object cache", () => {
  it("reads an object once, serves it from memory after, and evicts the least recently used past its budget", async () => {
    const local = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), "stave-cache-")));
    for (const name of ["a", "b", "c"]) await local.put(`seg/${name}`, Readable.from([Buffer.alloc(400, name)]));
    const { reads, storage } = countingReads(local);
    const cache = new ImmutableObjectCache(storage, 1000);

    const [first, concurrent] = await Promise.all([cache.get("seg/a"), cache.get("seg/a")]);
    expect(first?.body.toString()).toBe("a".repeat(400));
    expect(concurrent).toBe(first);
    await cache.get("seg/a");
    expect(reads).toEqual(["seg/a"]);

    await cache.get("seg/b");
    await cache.get("seg/a"); // a is now the most recent
    await cache.get("seg/c"); // 1,200 bytes: b, the least recent, goes
    await cache.get("seg/a");
    await cache.get("seg/b");
    expect(reads).toEqual(["seg/a", "seg/b", "seg/c", "seg/b"]);
  });

  it("forgets a prefix on eviction, including a read in flight, so a moved version is not served", async () => {
    const local = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), "stave-cache-")));
    for (const key of ["v1/a", "v1/b", "v2/a"]) await local.put(key, Readable.from([key]));
    const { reads, storage } = countingReads(local);
    const cache = new ImmutableObjectCache(storage, 1000);
    await cache.get("v1/a");
    await cache.get("v2/a");
    const inFlight = cache.get("v1/b");
    cache.evictPrefix("v1/");
    expect((await inFlight)?.body.toString()).toBe("v1/b");
    await local.movePrefix("v1/", "v3/");
    expect(await cache.get("v1/a")).toBeNull();
    expect(await cache.get("v1/b")).toBeNull();
    await cache.get("v2/a");
    expect(reads).toEqual(["v1/a", "v2/a", "v1/b"]);
    cache.clear();
    await cache.get("v2/a");
    expect(reads).toEqual(["v1/a", "v2/a", "v1/b", "v2/a"]);
  });

  it("answers null for a missing object", async () => {
    const cache = new ImmutableObjectCache(
      createLocalStorage(await mkdtemp(path.join(os.tmpdir(), "stave-cache-"))),
      1000,
    );
    expect(await cache.get("seg/none")).toBeNull();
  });
});
