import type { SearchResponse } from "@stave/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { SearchParams } from "../searchParams.ts";
import { fetchSearch, fetchSuggestions } from "../services/searchApi.ts";
import { searchKeys } from "./searchKeys.ts";
import { useDebouncedValue } from "./useDebouncedValue.ts";

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const SUGGESTIONS_DEBOUNCE_MS = 150;
/** How many of each type the All tab shows before "See all". */
export const OVERVIEW_LIMIT = 5;
export const PAGE_LIMIT = 20;

/**
 * Suggestions for what is being typed. Waits for a pause in typing; a request whose text
 * is already out of date is aborted (its query loses its last observer while the signal
 * is in use); and the last suggestions stay up while the next ones load, so the list
 * does not flicker with every key.
 */
export function useSuggestions(text: string, { enabled = true }: { enabled?: boolean } = {}) {
  const q = useDebouncedValue(text.trim(), SUGGESTIONS_DEBOUNCE_MS);
  return useQuery({
    queryKey: searchKeys.suggestions(q),
    queryFn: ({ signal }) => fetchSuggestions(q, signal),
    enabled: enabled && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The All tab: the first few tracks, creators and playlists. */
export function useSearchOverview(params: SearchParams) {
  return useQuery({
    queryKey: searchKeys.overview(params),
    queryFn: ({ signal }) => fetchSearch({ ...params, type: "all", limit: OVERVIEW_LIMIT }, signal),
    enabled: params.q.length > 0,
  });
}

/** The section of a response the tab is about; the server leaves the others null. */
export function sectionOf(response: SearchResponse, type: SearchParams["type"]) {
  switch (type) {
    case "tracks":
      return response.tracks;
    case "creators":
      return response.creators;
    case "playlists":
      return response.playlists;
    default:
      return null;
  }
}

/** A single type's tab, page by page through the section's `nextCursor`. */
export function useSearchPages(params: SearchParams) {
  return useInfiniteQuery({
    queryKey: searchKeys.pages(params),
    queryFn: ({ pageParam, signal }) => fetchSearch({ ...params, limit: PAGE_LIMIT, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: SearchResponse) => sectionOf(last, params.type)?.nextCursor ?? undefined,
    enabled: params.q.length > 0 && params.type !== "all",
  });
}
