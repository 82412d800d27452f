import type { FeedPage, LikedPlaylistPage, LikedTrackPage } from "@stave/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchFeed, fetchLikedPlaylists, fetchLikedTracks } from "../services/socialApi.ts";
import { socialKeys } from "./socialKeys.ts";

const firstPage = undefined as string | undefined;

export function useFeed() {
  return useInfiniteQuery({
    queryKey: socialKeys.feed,
    queryFn: ({ pageParam, signal }) => fetchFeed(pageParam, signal),
    initialPageParam: firstPage,
    getNextPageParam: (last: FeedPage) => last.nextCursor ?? undefined,
  });
}

export function useLikedTracks() {
  return useInfiniteQuery({
    queryKey: socialKeys.likedTracks,
    queryFn: ({ pageParam, signal }) => fetchLikedTracks(pageParam, signal),
    initialPageParam: firstPage,
    getNextPageParam: (last: LikedTrackPage) => last.nextCursor ?? undefined,
  });
}

export function useLikedPlaylists() {
  return useInfiniteQuery({
    queryKey: socialKeys.likedPlaylists,
    queryFn: ({ pageParam, signal }) => fetchLikedPlaylists(pageParam, signal),
    initialPageParam: firstPage,
    getNextPageParam: (last: LikedPlaylistPage) => last.nextCursor ?? undefined,
  });
}
