import { z } from "zod";
import { pageOf } from "./pagination.ts";
import { playlistSummarySchema } from "./playlists.ts";
import { trackSummarySchema } from "./tracks.ts";

export const searchTypes = ["all", "tracks", "creators", "playlists"] as const;
export const searchTypeSchema = z.enum(searchTypes);
export type SearchType = z.infer<typeof searchTypeSchema>;

/**
 * `GET /api/v1/search`. Words are matched accent- and case-insensitively; the last word also
 * as a prefix (search as you type); a misspelt word is replaced by the closest known one;
 * `"quoted words"` must appear together in that order. `genre` and `tag` narrow tracks only.
 * `cursor` pages one type at a time (take it from that section's `nextCursor`).
 */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "Type something to search for").max(200),
  type: searchTypeSchema.default("all"),
  genre: z.string().trim().min(1).max(60).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const creatorSummarySchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    /** Public, playable tracks. */
    trackCount: z.number().int(),
  })
  .meta({ id: "CreatorSummary" });
export type CreatorSummary = z.infer<typeof creatorSummarySchema>;

export const searchResponseSchema = z
  .object({
    query: z.string(),
    /** The query as searched when a misspelt word was corrected ("did you mean"), else null. */
    correctedQuery: z.string().nullable(),
    /** Each section is null when `type` did not ask for it. */
    tracks: pageOf(trackSummarySchema).nullable(),
    creators: pageOf(creatorSummarySchema).nullable(),
    playlists: pageOf(playlistSummarySchema).nullable(),
  })
  .meta({ id: "SearchResults" });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** `GET /api/v1/search/suggestions?q=`: what the search box offers while typing. */
export const suggestionsQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(10).default(8),
});

const suggestionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("track"),
    id: z.uuid(),
    title: z.string(),
    ownerUsername: z.string(),
    ownerDisplayName: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("creator"),
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
  }),
]);
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsResponseSchema = z.object({ suggestions: z.array(suggestionSchema) });
export type SuggestionsResponse = z.infer<typeof suggestionsResponseSchema>;
