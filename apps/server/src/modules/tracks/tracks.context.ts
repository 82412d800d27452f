import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../platform/db/database.ts";
import type { NotificationHub } from "../../platform/db/notifications.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { UserEventBus } from "../../platform/events/user-events.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";
import type { MediaToolkit } from "../../platform/media/index.ts";
import type { ImmutableObjectCache, Storage } from "../../platform/storage/index.ts";
import type { InstanceSettings } from "../instance/index.ts";

export interface TracksContext {
  database: Database;
  storage: Storage;
  media: MediaToolkit;
  hub: NotificationHub;
  /** The users' signals, so a signed-in viewer's status stream ends with their sign-in. */
  events: UserEventBus;
  logger: Logger;
  publicUrl: string;
  siteName: string;
  /** Where uploads and processing work land before storage (DATA_DIR/tmp). */
  tmpDir: string;
  /** The upload limit and default storage quota (admin settings, else UPLOAD_MAX_BYTES / STORAGE_QUOTA_BYTES). */
  settings: InstanceSettings;
  /** What one creator may ask of the machine (MAX_TRACK_DURATION_SECONDS, MAX_PROCESSING_PER_USER). */
  limits: { maxTrackDurationSeconds: number; maxProcessingPerUser: number };
  /** Counts retries of failed tracks (a full transcode each). */
  limiter: RateLimiter;
  mediaSigningSecret: string;
  streamUrlTtlSeconds: number;
  /** Memory for serving published segments when Stave serves media itself. */
  mediaCacheBytes: number;
  /** Those segments, in memory: one per process, so a takedown can evict them (media-revocation.ts). */
  mediaCache: ImmutableObjectCache;
  /**
   * Called in the transaction that makes a track ready, for the module above this one that
   * reacts to it (social: the creator's followers hear of it). Wired by services.ts.
   */
  onTrackReady(trx: Kysely<DB>, trackId: string): Promise<void>;
}

export const trackKeys = {
  root: (id: string) => `tracks/${id}/`,
  original: (id: string) => `tracks/${id}/original`,
  artworkSource: (id: string) => `tracks/${id}/artwork-source`,
  hlsRoot: (id: string) => `tracks/${id}/hls/`,
  artworkRoot: (id: string) => `tracks/${id}/artwork/`,
};

/**
 * A fresh name for a published version's directory. Hex, not base64url: a storage key segment
 * must start with a letter or digit, and one base64url token in 32 starts with - or _.
 */
export const newMediaVersion = () => randomBytes(9).toString("hex");
