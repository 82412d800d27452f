import type { TrackStatus } from "@stave/contracts";

/** Ready and failed are where processing ends; nothing more will come over the events. */
export const isFinalStatus = (status: TrackStatus) => status === "ready" || status === "failed";
