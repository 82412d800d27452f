import type { TrackSummary } from "@stave/contracts";

/** How a creator is named: their display name, else their username. */
export const creatorName = (owner: TrackSummary["owner"]) => owner.displayName ?? owner.username;
