import type { CreatePlaylistRequest, Playlist, TrackSummary, UpdatePlaylistRequest } from "@stave/contracts";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { mosaicOf, moveItem } from "../playlistOrder.ts";
import { isErrorCode } from "../playlistText.ts";
import {
  addPlaylistTrack,
  createPlaylist,
  deletePlaylist,
  removePlaylistTrack,
  reorderPlaylist,
  updatePlaylist,
} from "../services/playlistsApi.ts";
import { playlistKeys } from "./playlistKeys.ts";

/** After any change: the playlist's page gets the server's answer, every list of playlists reloads. */
function playlistChanged(queryClient: QueryClient, playlist: Playlist) {
  queryClient.setQueryData(playlistKeys.detail(playlist.id), playlist);
  void queryClient.invalidateQueries({
    queryKey: playlistKeys.all,
    predicate: (query) => query.queryKey[1] !== "detail",
  });
}

export function useCreatePlaylist(onCreated?: (playlist: Playlist) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePlaylistRequest) => createPlaylist(request),
    onSuccess: (playlist) => {
      playlistChanged(queryClient, playlist);
      onCreated?.(playlist);
    },
  });
}

export function useUpdatePlaylist(id: string, onSaved?: (playlist: Playlist) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdatePlaylistRequest) => updatePlaylist(id, changes),
    onSuccess: (playlist) => {
      playlistChanged(queryClient, playlist);
      onSaved?.(playlist);
    },
  });
}

export function useDeletePlaylist(id: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePlaylist(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: playlistKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: playlistKeys.all });
      onDeleted?.();
    },
  });
}

export type AddTrackVariables = { playlistId: string; trackId: string };

export function useAddPlaylistTrack(onAdded?: (playlist: Playlist) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ playlistId, trackId }: AddTrackVariables) => addPlaylistTrack(playlistId, trackId),
    onSuccess: (playlist) => {
      playlistChanged(queryClient, playlist);
      onAdded?.(playlist);
    },
  });
}

export function useRemovePlaylistTrack(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trackId: string) => removePlaylistTrack(id, trackId),
    onSuccess: (playlist) => playlistChanged(queryClient, playlist),
  });
}

type ReorderVariables = { tracks: TrackSummary[]; previous: Playlist };

/**
 * Reorders at once on screen, then tells the server. A refusal puts the previous order
 * back; PLAYLIST_ORDER_MISMATCH (the playlist changed elsewhere) also reloads it. The cache
 * changes synchronously in `move`, so quick successive moves each start from the last one;
 * their requests go one after another (one mutation scope per playlist).
 */
export function useReorderPlaylist(id: string) {
  const queryClient = useQueryClient();
  const key = playlistKeys.detail(id);
  const mutationKey = ["playlists", "reorder", id];
  const mutation = useMutation({
    mutationKey,
    scope: { id: `playlist-order:${id}` },
    mutationFn: ({ tracks }: ReorderVariables) =>
      reorderPlaylist(
        id,
        tracks.map((track) => track.id),
      ),
    onError: (error, { previous }) => {
      queryClient.setQueryData(key, previous);
      if (isErrorCode(error, "PLAYLIST_ORDER_MISMATCH")) void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (playlist) => {
      // A later move is still on its way: keep showing its order rather than this answer.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      playlistChanged(queryClient, playlist);
    },
  });

  /**
   * Moves the track to `target(from)`, `from` being its place in the latest order: the
   * cache, which may be a render ahead of the rows that asked (keys pressed quickly).
   */
  function move(trackId: string, target: (from: number) => number) {
    const previous = queryClient.getQueryData<Playlist>(key);
    const from = previous?.tracks.findIndex((track) => track.id === trackId) ?? -1;
    if (!previous || from < 0) return;
    const to = target(from);
    if (to < 0 || to >= previous.tracks.length || to === from) return;
    const tracks = moveItem(previous.tracks, from, to);
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<Playlist>(key, { ...previous, tracks, artworkUrls: mosaicOf(tracks) });
    mutation.mutate({ tracks, previous });
  }

  return { move, error: mutation.error, isError: mutation.isError };
}
