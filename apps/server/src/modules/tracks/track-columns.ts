/** What the owner said of a track and where it stands, from `tracks as t`: a summary shows it, the owner's export keeps it. */
export const trackOwnColumns = [
  "t.id",
  "t.slug",
  "t.title",
  "t.description",
  "t.genre",
  "t.tags",
  "t.visibility",
  "t.downloadable",
  "t.license",
  "t.release_date",
  "t.status",
] as const;

/** What a track summary is made of, from `tracks as t`, `users as tu` and `user_profiles as tp` (no waveform). */
export const trackSummaryColumns = [
  ...trackOwnColumns,
  "t.progress",
  "t.failure_reason",
  "t.duration_ms",
  "t.loudness_lufs",
  "t.true_peak_dbtp",
  "t.artwork_prefix",
  "t.artist",
  "t.album",
  "t.play_count",
  "t.owner_id",
  "t.created_at",
  "t.updated_at",
  "tu.username as owner_username",
  "tp.display_name as owner_display_name",
  // Why a hidden track is hidden, for its owner (tracks.presenter.ts `takedownOf`).
  "t.taken_down_at",
  "t.takedown_reason",
  "t.takedown_kind",
  "tu.suspended_at as owner_suspended_at",
  "tu.suspension_reason as owner_suspension_reason",
] as const;
