import type { Playlist, PlaylistPage, PlaylistSummary } from "@stave/contracts";
import { type InfiniteData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchMyPlaylists, fetchPlaylist, fetchUserPlaylists } from "../services/playlistsApi.ts";
import { playlistKeys } from "./playlistKeys.ts";

export function usePlaylist(id: string) {
  return useQuery<Playlist>({ queryKey: playlistKeys.detail(id), queryFn: ({ signal }) => fetchPlaylist(id, signal) });
}

const pageOptions = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: PlaylistPage) => last.nextCursor ?? undefined,
};

/** Every loaded page's playlists in one list. */
export const allPlaylists = (data: InfiniteData<PlaylistPage> | undefined): PlaylistSummary[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

/** Mine, every visibility; `enabled` false until it is needed (a closed menu loads nothing). */
export function useMyPlaylists({ enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: playlistKeys.mine,
    queryFn: ({ pageParam, signal }) => fetchMyPlaylists(pageParam, signal),
    ...pageOptions,
    enabled,
  });
}

export function useUserPlaylists(username: string) {
  return useInfiniteQuery({
    queryKey: playlistKeys.user(username),
    queryFn: ({ pageParam, signal }) => fetchUserPlaylists(username, pageParam, signal),
    ...pageOptions,
  });
}
