import { api, type DataExport, EXPORT_TTL_DAYS, operationPath } from "@stave/contracts";
import { mockId } from "../accounts/factories.ts";

const HOUR_MS = 3600_000;

// Relative to the real clock, unlike the other mocks' fixed dates: the 3-a-day limit is a
// rolling 24 hours from now, so only recent exports count against it.
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString();

/** The size every mocked ZIP reports: 2.3 MB. */
export const MOCK_EXPORT_SIZE = 2_412_544;

/** The link the server gives a ready export: its download operation's path. */
export const downloadUrlOf = (id: string) => operationPath(api.privacy.downloadExport.path, { id });

type ExportOverrides = Partial<DataExport> & {
  /** When it was requested (default: 2 hours ago). */
  requestedHoursAgo?: number;
};

/** An export that is just queued. */
export function buildPendingExport({ requestedHoursAgo = 0, ...overrides }: ExportOverrides = {}): DataExport {
  return {
    id: mockId(),
    status: "pending",
    sizeBytes: null,
    createdAt: hoursAgo(requestedHoursAgo),
    completedAt: null,
    expiresAt: null,
    downloadUrl: null,
    ...overrides,
  };
}

/** A built export, downloadable for 7 days after it was ready. */
export function buildReadyExport({ requestedHoursAgo = 2, ...overrides }: ExportOverrides = {}): DataExport {
  const id = overrides.id ?? mockId();
  const completedAt = hoursAgo(requestedHoursAgo - 0.05);
  return {
    id,
    status: "ready",
    sizeBytes: MOCK_EXPORT_SIZE,
    createdAt: hoursAgo(requestedHoursAgo),
    completedAt,
    expiresAt: new Date(Date.parse(completedAt) + EXPORT_TTL_DAYS * 24 * HOUR_MS).toISOString(),
    downloadUrl: downloadUrlOf(id),
    ...overrides,
  };
}

/** A ready export whose week has passed: its file is gone. */
export function buildExpiredExport({ requestedHoursAgo = 24 * 10, ...overrides }: ExportOverrides = {}): DataExport {
  return {
    ...buildReadyExport({ requestedHoursAgo }),
    status: "expired",
    downloadUrl: null,
    ...overrides,
  };
}

/** An export the worker gave up on. */
export function buildFailedExport({ requestedHoursAgo = 30, ...overrides }: ExportOverrides = {}): DataExport {
  return { ...buildPendingExport({ requestedHoursAgo }), status: "failed", ...overrides };
}
