import type { Track, UpdateTrackRequest } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteTrack, retryTrack, updateTrack } from "../services/tracksApi.ts";
import { trackKeys } from "./trackKeys.ts";

/** After any change: the track's own page gets the answer, every list reloads. */
function useTrackChanged() {
  const queryClient = useQueryClient();
  return (track: Track) => {
    queryClient.setQueryData(trackKeys.detail(track.id), track);
    void queryClient.invalidateQueries({
      queryKey: trackKeys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useUpdateTrack(id: string, onSaved?: (track: Track) => void) {
  const changed = useTrackChanged();
  return useMutation({
    mutationFn: (changes: UpdateTrackRequest) => updateTrack(id, changes),
    onSuccess: (track) => {
      changed(track);
      onSaved?.(track);
    },
  });
}

export function useRetryTrack(id: string, onRetried?: (track: Track) => void) {
  const changed = useTrackChanged();
  return useMutation({
    mutationFn: () => retryTrack(id),
    onSuccess: (track) => {
      changed(track);
      onRetried?.(track);
    },
  });
}

export function useDeleteTrack(id: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteTrack(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: trackKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: trackKeys.all });
      onDeleted?.();
    },
  });
}
