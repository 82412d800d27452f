import { z } from "zod";

const dataExportStatuses = ["pending", "processing", "ready", "failed", "expired"] as const;
const dataExportStatusSchema = z.enum(dataExportStatuses);

const dataExportSchema = z
  .object({
    id: z.uuid(),
    status: dataExportStatusSchema,
    /** Bytes of the ZIP, once ready. */
    sizeBytes: z.number().int().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    /** The download works until then (7 days after it was ready); then the file is deleted. */
    expiresAt: z.string().nullable(),
    /** Where to download it while ready. */
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: "DataExport" });
export type DataExport = z.infer<typeof dataExportSchema>;

export const dataExportResponseSchema = z.object({ export: dataExportSchema });
export const dataExportListSchema = z.object({
  items: z.array(dataExportSchema),
  /** How many more exports may be requested now (3 in any 24 hours). */
  remainingToday: z.number().int(),
});
export type DataExportList = z.infer<typeof dataExportListSchema>;

export const EXPORTS_PER_DAY = 3;
export const EXPORT_TTL_DAYS = 7;
export const HARD_DELETE_AFTER_DAYS = 30;

/** `DELETE /api/v1/users/me`: the password (and a 2FA code when it is on) confirm it is really me. */
export const deleteAccountRequestSchema = z.object({
  password: z.string().min(1, "Enter your password"),
  code: z.string().trim().max(20).optional(),
  /** Keep my public tracks playable under "Deleted user" instead of deleting them. */
  keepPublicTracks: z.boolean().default(false),
});
export type DeleteAccountRequest = z.input<typeof deleteAccountRequestSchema>;
