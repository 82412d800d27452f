export * from "./accounts.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./instance.ts";
export * from "./pagination.ts";
export * from "./playlists.ts";
export * from "./search.ts";
export * from "./tracks.ts";
