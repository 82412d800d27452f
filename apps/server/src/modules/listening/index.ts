/** Listening: plays, play statistics and listening history (tables `play_sessions`, `track_listeners`, `track_play_days`, `playback_history`). */
export type { ListeningContext } from "./listening.context.ts";
export { eraseListeningHistory } from "./listening.erase.ts";
export { playbackHistoryCsvExporter, playbackHistoryExporter } from "./listening.export.ts";
export { listeningJobs } from "./listening.jobs.ts";
export { registerListeningRoutes } from "./listening.routes.ts";
