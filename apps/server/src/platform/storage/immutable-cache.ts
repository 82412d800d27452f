import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { Storage } from "./storage.ts";

export interface CachedObject {
  body: Buffer;
  /** The HTTP date of the last modification, formatted once. */
  lastModified: string;
}

/**
 * An in-memory LRU of objects that never change once written (published HLS versions),
 * bounded by total bytes. Serving a hot segment from memory skips a stat, an open and
 * reads per request; concurrent misses for one key share a single read.
 */
export class ImmutableObjectCache {
  private readonly entries = new Map<string, CachedObject>();
  private readonly pending = new Map<string, Promise<CachedObject | null>>();
  private bytes = 0;
  /** Bumped by every eviction, so a read that started before one does not cache what it read. */
  private generation = 0;

  constructor(
    private readonly storage: Storage,
    private readonly maxBytes: number,
    private readonly maxObjectBytes = 4 * 1024 * 1024,
  ) {}

  /** The object, or null when it does not exist. Objects too big to cache are read anyway. */
  async get(key: string): Promise<CachedObject | null> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    let loading = this.pending.get(key);
    if (!loading) {
      const started = this.load(key).finally(() => {
        // An eviction may have replaced it with a newer read meanwhile: leave that one.
        if (this.pending.get(key) === started) this.pending.delete(key);
      });
      loading = started;
      this.pending.set(key, loading);
    }
    return loading;
  }

  /**
   * Forgets every object under `prefix` (a moved or revoked version: "immutable" holds only
   * while the keys exist), including reads still in flight, which later callers do not join.
   */
  evictPrefix(prefix: string): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      this.entries.delete(key);
      this.bytes -= entry.body.length;
    }
    for (const key of this.pending.keys()) if (key.startsWith(prefix)) this.pending.delete(key);
  }

  /** Forgets everything (when evictions may have been missed). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
  }

  private async load(key: string): Promise<CachedObject | null> {
    const generation = this.generation;
    const stat = await this.storage.stat(key);
    if (!stat) return null;
    const body = await buffer((await this.storage.get(key)) as Readable);
    const object = { body, lastModified: stat.modifiedAt.toUTCString() };
    if (generation === this.generation && object.body.length <= this.maxObjectBytes && this.maxBytes > 0) {
      this.entries.set(key, object);
      this.bytes += object.body.length;
      for (const [oldest, entry] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(oldest);
        this.bytes -= entry.body.length;
      }
    }
    return object;
  }
}
