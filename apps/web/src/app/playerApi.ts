import { listeningKeys, reportPlayProgress, startPlay } from "../features/listening/index.ts";
import { fetchStreamUrl } from "../features/tracks/index.ts";
import type { PlayerApi } from "../player/playerApi.ts";

/** The player's server calls, from the features that own them. */
export const playerApi: PlayerApi = {
  fetchStreamUrl,
  startPlay,
  reportProgress: reportPlayProgress,
  // The new play is the first entry of my history now.
  playStarted: (queryClient) => void queryClient.invalidateQueries({ queryKey: listeningKeys.history }),
};
