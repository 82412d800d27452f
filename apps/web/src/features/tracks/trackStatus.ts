import type { TrackStatus } from "@stave/contracts";

/**
 * Ready and failed are where processing ends; nothing more will come over the events. Hidden
 * (taken down) is a processed track too.
 */
export const isFinalStatus = (status: TrackStatus) => status === "ready" || status === "failed" || status === "hidden";
