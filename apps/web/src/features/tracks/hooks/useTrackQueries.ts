import type { Track, TrackPage, TrackSummary } from "@stave/contracts";
import { type InfiniteData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchCreatorTracks, fetchLatestTracks, fetchMyTracks, fetchTrack } from "../services/tracksApi.ts";
import { isFinalStatus } from "../trackStatus.ts";
import { trackKeys } from "./trackKeys.ts";

export function useTrack(id: string) {
  return useQuery<Track>({ queryKey: trackKeys.detail(id), queryFn: ({ signal }) => fetchTrack(id, signal) });
}

const pageOptions = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: TrackPage) => last.nextCursor ?? undefined,
};

/** Every loaded page's tracks in one list. */
export const allItems = (data: InfiniteData<TrackPage> | undefined): TrackSummary[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

export function useLatestTracks() {
  return useInfiniteQuery({
    queryKey: trackKeys.latest,
    queryFn: ({ pageParam, signal }) => fetchLatestTracks(pageParam, signal),
    ...pageOptions,
  });
}

// A list shows many tracks at once; one event stream each would exhaust the browser's
// six connections per origin, so lists poll while something is still processing.
const PROCESSING_POLL_MS = 3000;

export function useMyTracks() {
  return useInfiniteQuery({
    queryKey: trackKeys.mine,
    queryFn: ({ pageParam, signal }) => fetchMyTracks(pageParam, signal),
    ...pageOptions,
    refetchInterval: (query) =>
      allItems(query.state.data).some((track) => !isFinalStatus(track.status)) ? PROCESSING_POLL_MS : false,
  });
}

export function useCreatorTracks(username: string) {
  return useInfiniteQuery({
    queryKey: trackKeys.creator(username),
    queryFn: ({ pageParam, signal }) => fetchCreatorTracks(username, pageParam, signal),
    ...pageOptions,
  });
}
