import { operation } from "../operation.ts";
import {
  searchQuerySchema,
  searchResponseSchema,
  suggestionsQuerySchema,
  suggestionsResponseSchema,
} from "../search.ts";

const tags = ["search"] as const;

export const searchOperations = {
  search: operation({
    method: "GET",
    path: "/api/v1/search",
    summary: "Search tracks, creators and playlists",
    description:
      "Accent- and case-insensitive; the last word also matches as a prefix; misspelt words are corrected " +
      '(see `correctedQuery`); `"quoted words"` must appear together. Only what the caller may see.',
    tags,
    access: "public",
    query: searchQuerySchema,
    response: { 200: searchResponseSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  suggestions: operation({
    method: "GET",
    path: "/api/v1/search/suggestions",
    summary: "Suggestions for the search box while typing: creators, then track titles",
    tags,
    access: "public",
    query: suggestionsQuerySchema,
    response: { 200: suggestionsResponseSchema },
    errors: ["VALIDATION_FAILED"],
  }),
};
