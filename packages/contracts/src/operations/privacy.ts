import { z } from "zod";
import { operation } from "../operation.ts";
import { dataExportListSchema, dataExportResponseSchema, deleteAccountRequestSchema } from "../privacy.ts";

const tags = ["privacy"] as const;

export const privacyOperations = {
  requestExport: operation({
    method: "POST",
    path: "/api/v1/me/export",
    summary: "Request a ZIP of all my data (3 a day); it is built in the background and mailed when ready",
    tags,
    access: "authenticated",
    response: { 202: dataExportResponseSchema },
    errors: ["EXPORT_RATE_LIMITED"],
  }),
  exports: operation({
    method: "GET",
    path: "/api/v1/me/exports",
    summary: "My data exports, newest first",
    tags,
    access: "authenticated",
    response: { 200: dataExportListSchema },
    errors: [],
  }),
  /** The ZIP itself: a download link, not a fetch. */
  downloadExport: operation({
    method: "GET",
    path: "/api/v1/me/exports/:id/download",
    summary: "Download a ready export (its owner only)",
    tags,
    access: "authenticated",
    params: z.object({ id: z.uuid() }),
    response: {},
    produces: "application/zip",
    errors: ["NOT_FOUND", "EXPORT_NOT_READY", "EXPORT_EXPIRED"],
  }),
  deleteAccount: operation({
    method: "DELETE",
    path: "/api/v1/users/me",
    summary:
      "Delete my account: signed out everywhere at once, personal data erased, private tracks deleted " +
      "(public ones too unless keepPublicTracks); the rest is purged after 30 days",
    tags,
    access: "authenticated",
    body: deleteAccountRequestSchema,
    response: {},
    errors: ["VALIDATION_FAILED", "PASSWORD_INCORRECT", "INVALID_TWO_FACTOR_CODE", "RATE_LIMITED", "NOT_FOUND"],
  }),
};
