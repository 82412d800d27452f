import type { TrackStatus, TrackSummary, Visibility } from "@stave/contracts";

export const trackVisibilityHints: Record<Visibility, string> = {
  public: "Anyone can find and play it.",
  unlisted: "Only people with the link can play it.",
  private: "Only you can play it.",
};

/** A track's processing state in words, with the percentage while it is being processed. */
export function statusLabel(track: Pick<TrackSummary, "status" | "progress">): string {
  const labels: Record<TrackStatus, string> = {
    uploaded: "Waiting to process",
    processing: `Processing ${track.progress}%`,
    ready: "Ready",
    failed: "Failed",
    hidden: "Hidden",
  };
  return labels[track.status];
}
