import type { AdminUserState, RegistrationMode, TrackStatus } from "@stave/contracts";

export const userStateLabels: Record<AdminUserState, string> = {
  active: "Active",
  unverified: "Unverified",
  suspended: "Suspended",
  deleted: "Deleted",
};

export const registrationModeLabels: Record<RegistrationMode, string> = {
  open: "Open: anyone can create an account",
  invite: "Invite only: an invite code is needed",
  closed: "Closed: nobody can create an account",
};

/** Track statuses as counted in the stats (the owner-facing labels say more, e.g. a percentage). */
export const trackStatusNames: Record<TrackStatus, string> = {
  uploaded: "Waiting to process",
  processing: "Processing",
  ready: "Ready",
  failed: "Failed",
  hidden: "Hidden",
};

export const reportStatusLabels = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" } as const;

export const outcomeLabels = { taken_down: "Taken down", restored: "Restored", no_action: "No action" } as const;

export const subjectTypePlurals = {
  track: "Tracks",
  comment: "Comments",
  playlist: "Playlists",
  user: "Users",
} as const;

const MB = 1024 * 1024;

/** Bytes as whole megabytes, for a form field. */
export const toMegabytes = (bytes: number) => String(Math.round(bytes / MB));

/** A form field's megabytes as bytes, or null when it is not a whole number (at least `min`). */
export function fromMegabytes(value: string, min = 0): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const megabytes = Number(trimmed);
  return megabytes >= min ? megabytes * MB : null;
}

/** The start of an id, enough to tell entries apart in a table. */
export const shortId = (id: string) => id.slice(0, 8);
