/**
 * Tracks: uploads, processing and track media (tables `tracks`, `upload_reservations`). Other
 * modules read tracks through what is exported here: the summary columns and presenter, the
 * visible-track loader, and the media moves that revoke signed URLs. The search columns of
 * `tracks` (`search_document`, kept by a trigger, and `search_tier`) are the search module's:
 * it ranks with them and its hourly job rewrites the tiers; nothing here reads them.
 */
export { inTransactionWithMediaMoves, type MediaMoverDeps, type MediaMoves } from "./media-moves.ts";
export { MediaRevocationListener } from "./media-revocation.ts";
export { trackSummaryColumns } from "./track-columns.ts";
export type { TracksContext } from "./tracks.context.ts";
export { eraseTracksOf } from "./tracks.erase.ts";
export { tracksExporter } from "./tracks.export.ts";
export { tracksJobs } from "./tracks.jobs.ts";
export { presentTrackSummary, type TrackSummaryRow, trackArtworkUrl } from "./tracks.presenter.ts";
export {
  clearTrackTakedown,
  findTrack,
  hideReadyTracksOf,
  incrementPlayCount,
  listRecentTracksOf,
  lockTrackForReference,
  lockTrackForTakedown,
  markTrackTakenDown,
  type ReferencedTrack,
  showHiddenTracksOf,
  storageUsedBy,
} from "./tracks.repo.ts";
export { registerTrackRoutes } from "./tracks.routes.ts";
export { canView, loadVisibleTrack } from "./tracks.service.ts";
