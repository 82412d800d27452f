export { type CachedObject, ImmutableObjectCache } from "./immutable-cache.ts";
export { assertSafeKey, InvalidStorageKeyError } from "./keys.ts";
export { createLocalStorage } from "./local.ts";
export { type ByteRange, type Storage, StorageNotFoundError, type StoredObject } from "./storage.ts";
