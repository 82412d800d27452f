import type { PlaylistSocial, TrackSocial } from "@stave/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchPlaylistSocial,
  fetchTrackSocial,
  setPlaylistLiked,
  setTrackLiked,
  setTrackReposted,
} from "../services/socialApi.ts";
import { socialKeys } from "./socialKeys.ts";

/**
 * Counts change with every click anywhere: a list's answer is good for a little while. A
 * visitor's answer (no `viewer`) is never kept: after signing in, the page must ask again.
 */
const staleTime = (query: { state: { data?: { viewer: unknown } | undefined } }) =>
  query.state.data?.viewer === null ? 0 : 30_000;

/** A track's counts; `initial` (from a feed or likes page, which carry them) saves a request. */
export function useTrackSocial(trackId: string, initial?: TrackSocial) {
  return useQuery({
    queryKey: socialKeys.track(trackId),
    queryFn: ({ signal }) => fetchTrackSocial(trackId, signal),
    initialData: initial,
    staleTime,
  });
}

export type TrackAction = "like" | "repost";

/** The counts as they will be once the server has done it; unchanged when it is done already. */
export function toggledTrackSocial(social: TrackSocial, action: TrackAction, on: boolean): TrackSocial {
  if (!social.viewer) return social;
  const step = on ? 1 : -1;
  if (action === "like") {
    if (social.viewer.liked === on) return social;
    return { ...social, likeCount: Math.max(0, social.likeCount + step), viewer: { ...social.viewer, liked: on } };
  }
  if (social.viewer.reposted === on) return social;
  return { ...social, repostCount: Math.max(0, social.repostCount + step), viewer: { ...social.viewer, reposted: on } };
}

/**
 * Likes or reposts (`on`) a track, or takes it back: the button and count change at once,
 * go back if the server refuses, and then show the server's answer, which is the truth.
 */
export function useToggleTrackSocial(trackId: string, action: TrackAction) {
  const queryClient = useQueryClient();
  const key = socialKeys.track(trackId);
  const mutationKey = ["social", action, trackId];
  return useMutation({
    mutationKey,
    mutationFn: (on: boolean) => (action === "like" ? setTrackLiked(trackId, on) : setTrackReposted(trackId, on)),
    onMutate: async (on) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<TrackSocial>(key);
      if (previous) queryClient.setQueryData(key, toggledTrackSocial(previous, action, on));
      return { previous };
    },
    onError: (_error, _on, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (social) => {
      // A later click is still on its way: keep showing what it will do.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      queryClient.setQueryData(key, social);
      // Stale, not refetched: a track unliked on the Likes tab stays there to be liked again.
      if (action === "like")
        void queryClient.invalidateQueries({ queryKey: socialKeys.likedTracks, refetchType: "none" });
    },
  });
}

export function usePlaylistSocial(playlistId: string, initial?: PlaylistSocial) {
  return useQuery({
    queryKey: socialKeys.playlist(playlistId),
    queryFn: ({ signal }) => fetchPlaylistSocial(playlistId, signal),
    initialData: initial,
    staleTime,
  });
}

/** As for tracks: at once on screen, back on a refusal, then the server's answer. */
export function useTogglePlaylistLike(playlistId: string) {
  const queryClient = useQueryClient();
  const key = socialKeys.playlist(playlistId);
  const mutationKey = ["social", "playlist-like", playlistId];
  return useMutation({
    mutationKey,
    mutationFn: (liked: boolean) => setPlaylistLiked(playlistId, liked),
    onMutate: async (liked) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PlaylistSocial>(key);
      if (previous?.viewer && previous.viewer.liked !== liked) {
        queryClient.setQueryData<PlaylistSocial>(key, {
          ...previous,
          likeCount: Math.max(0, previous.likeCount + (liked ? 1 : -1)),
          viewer: { liked },
        });
      }
      return { previous };
    },
    onError: (_error, _liked, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (social) => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      queryClient.setQueryData(key, social);
      void queryClient.invalidateQueries({ queryKey: socialKeys.likedPlaylists, refetchType: "none" });
    },
  });
}
