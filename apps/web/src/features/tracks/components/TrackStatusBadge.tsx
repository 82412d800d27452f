import type { TrackSummary } from "@stave/contracts";
import { statusLabel } from "../trackText.ts";

const modifier = {
  uploaded: "pending",
  processing: "pending",
  ready: "ready",
  failed: "failed",
  hidden: "failed",
} as const;

/** Where a track is in processing: "Waiting to process", "Processing 42%", "Ready", "Failed", "Hidden". */
export function TrackStatusBadge({ track }: { track: Pick<TrackSummary, "status" | "progress"> }) {
  return <span className={`track-badge track-badge--${modifier[track.status]}`}>{statusLabel(track)}</span>;
}
