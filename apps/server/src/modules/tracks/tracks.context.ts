import type { Database } from "../../platform/db/database.ts";
import type { NotificationHub } from "../../platform/db/notifications.ts";
import type { Logger } from "../../platform/logger.ts";
import type { MediaToolkit } from "../../platform/media/index.ts";
import type { Storage } from "../../platform/storage/index.ts";

export interface TracksContext {
  database: Database;
  storage: Storage;
  media: MediaToolkit;
  hub: NotificationHub;
  logger: Logger;
  publicUrl: string;
  siteName: string;
  /** Where uploads and processing work land before storage (DATA_DIR/tmp). */
  tmpDir: string;
  uploadMaxBytes: number;
  storageQuotaBytes: number;
  mediaSigningSecret: string;
  streamUrlTtlSeconds: number;
  /** Memory for serving published segments when Stave serves media itself. */
  mediaCacheBytes: number;
}

export const trackKeys = {
  root: (id: string) => `tracks/${id}/`,
  original: (id: string) => `tracks/${id}/original`,
  artworkSource: (id: string) => `tracks/${id}/artwork-source`,
  hlsRoot: (id: string) => `tracks/${id}/hls/`,
  artworkRoot: (id: string) => `tracks/${id}/artwork/`,
};
