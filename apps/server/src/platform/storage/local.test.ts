import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";
import { InvalidStorageKeyError, StorageNotFoundError } from "./index.ts";
import { createLocalStorage } from "./local.ts";

describe("local storage", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "stave-storage-"));
  });

  it("stores a stream and reads it back whole or by byte range", async () => {
    const storage = createLocalStorage(root);
    const stored = await storage.put("tracks/abc/original", Readable.from(["0123456789"]));
    expect(stored.size).toBe(10);
    expect(await text(await storage.get("tracks/abc/original"))).toBe("0123456789");
    expect(await text(await storage.get("tracks/abc/original", { start: 2, end: 5 }))).toBe("2345");
    expect(await text(await storage.get("tracks/abc/original", { start: 7 }))).toBe("789");
    expect((await storage.stat("tracks/abc/original"))?.size).toBe(10);
  });

  it("leaves no partial object when the incoming stream fails", async () => {
    const storage = createLocalStorage(root);
    const failing = new Readable({
      read() {
        this.push("half of it");
        this.destroy(new Error("connection dropped"));
      },
    });
    await expect(storage.put("tracks/abc/original", failing)).rejects.toThrow("connection dropped");
    expect(await storage.stat("tracks/abc/original")).toBeNull();
    expect(await readdir(path.join(root, ".tmp"))).toEqual([]);
  });

  it("deletes one object and whole prefixes, and tolerates deleting what is gone", async () => {
    const storage = createLocalStorage(root);
    await storage.put("tracks/a/original", Readable.from(["a"]));
    await storage.put("tracks/a/hls/128/seg1.m4s", Readable.from(["b"]));
    await storage.put("tracks/b/original", Readable.from(["c"]));
    await storage.delete("tracks/a/original");
    await storage.delete("tracks/a/original");
    expect(await storage.stat("tracks/a/original")).toBeNull();
    await storage.deletePrefix("tracks/a/");
    expect(await storage.stat("tracks/a/hls/128/seg1.m4s")).toBeNull();
    expect(await storage.stat("tracks/b/original")).not.toBeNull();
    await expect(storage.get("tracks/a/original")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("moves a whole prefix in one rename, refuses to overwrite, and moves nothing quietly", async () => {
    const storage = createLocalStorage(root);
    await storage.put("tracks/a/hls/v1/master.m3u8", Readable.from(["m"]));
    await storage.put("tracks/a/hls/v1/128k/seg1.m4s", Readable.from(["s"]));
    await storage.movePrefix("tracks/a/hls/v1/", "tracks/a/hls/v2/");
    expect(await storage.stat("tracks/a/hls/v1/master.m3u8")).toBeNull();
    expect(await text(await storage.get("tracks/a/hls/v2/128k/seg1.m4s"))).toBe("s");
    await storage.put("tracks/a/hls/v3/master.m3u8", Readable.from(["other"]));
    await expect(storage.movePrefix("tracks/a/hls/v2/", "tracks/a/hls/v3/")).rejects.toThrow(/exists/);
    expect(await text(await storage.get("tracks/a/hls/v2/master.m3u8"))).toBe("m");
    await storage.movePrefix("tracks/a/hls/none/", "tracks/a/hls/v4/");
    expect(await storage.stat("tracks/a/hls/v4/master.m3u8")).toBeNull();
    await expect(storage.movePrefix("tracks/a/hls/v2", "tracks/a/hls/v5/")).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    await expect(storage.movePrefix("tracks/a/hls/v2/", "../v5/")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it.each([
    "../outside",
    "tracks/../../etc/passwd",
    "/etc/passwd",
    "tracks//double",
    "tracks/./here",
    "tracks\\..\\windows",
    "",
    ".hidden",
  ])("refuses the key %j", async (key) => {
    const storage = createLocalStorage(root);
    await expect(storage.put(key, Readable.from(["x"]))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it("refuses to delete a prefix that is not a folder, or climbs out", async () => {
    const storage = createLocalStorage(root);
    await expect(storage.deletePrefix("tracks")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.deletePrefix("../")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.deletePrefix("/")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});
