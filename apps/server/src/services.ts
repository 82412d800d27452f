import type { Config } from "./config.ts";
import type { AccountsContext } from "./modules/accounts/index.ts";
import type { BlocksContext } from "./modules/blocks/index.ts";
import { InstanceSettings } from "./modules/instance/index.ts";
import type { ListeningContext } from "./modules/listening/index.ts";
import { messageEventsOf } from "./modules/messages/index.ts";
import type { ModerationContext } from "./modules/moderation/index.ts";
import type { NotificationsContext } from "./modules/notifications/index.ts";
import type { PrivacyContext } from "./modules/privacy/index.ts";
import { announceReadyTrack, deleteFollowsBetween, type SocialContext } from "./modules/social/index.ts";
import type { TracksContext } from "./modules/tracks/index.ts";
import { Secrets } from "./platform/crypto.ts";
import type { Database } from "./platform/db/database.ts";
import { NotificationHub } from "./platform/db/notifications.ts";
import { UserEventBus } from "./platform/events/user-events.ts";
import { RateLimiter } from "./platform/http/rate-limit.ts";
import type { Logger } from "./platform/logger.ts";
import type { MediaLimits, MediaToolkit } from "./platform/media/index.ts";
import { ImmutableObjectCache, type Storage } from "./platform/storage/index.ts";

export interface ServiceDependencies {
  config: Config;
  database: Database;
  storage: Storage;
  media: MediaToolkit;
  logger: Logger;
  /** SECRET_KEY, or the key generated into DATA_DIR. */
  secretKey: string;
}

export interface Services {
  accounts: AccountsContext;
  tracks: TracksContext;
  blocks: BlocksContext;
  notifications: NotificationsContext;
  privacy: PrivacyContext;
  listening: ListeningContext;
  social: SocialContext;
  moderation: ModerationContext;
  /** Registration mode, site name, upload limit and quota, changed by admins without a restart. */
  settings: InstanceSettings;
  close(): Promise<void>;
}

/**
 * The media toolkit's limits from the settings: ffmpeg reads at most a minute past the longest
 * track allowed, whatever a file's header claims.
 */
export function mediaLimitsOf(config: Config): MediaLimits {
  return {
    ffmpegThreads: config.ffmpegThreads,
    maxInputSeconds: config.maxTrackDurationSeconds + 60,
    artworkMaxPixels: config.artworkMaxPixels,
  };
}

/** The modules' contexts, built once per process and shared by the API and the worker. */
export function buildServices(deps: ServiceDependencies): Services {
  const secrets = new Secrets(deps.secretKey);
  const hub = new NotificationHub(deps.database.pool, deps.logger);
  // One LISTEN for every module's event streams.
  const events = new UserEventBus(hub);
  // Limits are counted in PostgreSQL: one limiter serves every module.
  const limiter = new RateLimiter(deps.database.primary);
  const { config } = deps;
  const settings = new InstanceSettings({
    database: deps.database,
    hub,
    logger: deps.logger,
    fallbacks: {
      siteName: config.siteName,
      uploadMaxBytes: config.uploadMaxBytes,
      storageQuotaBytes: config.storageQuotaBytes,
    },
  });
  const accounts: AccountsContext = {
    database: deps.database,
    secrets,
    limiter,
    logger: deps.logger,
    publicUrl: config.publicUrl,
    // Mails compose synchronously: a getter, so they use the name an admin set (else SITE_NAME).
    get siteName() {
      return settings.siteName;
    },
    settings,
  };
  const tracks: TracksContext = {
    database: deps.database,
    storage: deps.storage,
    media: deps.media,
    hub,
    events,
    logger: deps.logger,
    publicUrl: config.publicUrl,
    get siteName() {
      return settings.siteName;
    },
    tmpDir: config.paths.tmp,
    settings,
    limits: {
      maxTrackDurationSeconds: config.maxTrackDurationSeconds,
      maxProcessingPerUser: config.maxProcessingPerUser,
    },
    limiter,
    // nginx must know this secret to verify links: set MEDIA_SIGNING_SECRET in production.
    mediaSigningSecret: config.mediaSigningSecret ?? secrets.hmac("media-signing", "v1"),
    streamUrlTtlSeconds: config.streamUrlTtlSeconds,
    mediaCacheBytes: config.mediaCacheBytes,
    mediaCache: new ImmutableObjectCache(deps.storage, config.mediaCacheBytes),
    // The creator's followers hear of a ready track (the social module sits above tracks).
    onTrackReady: announceReadyTrack,
  };
  return {
    accounts,
    tracks,
    // A block ends follows either way (the social module sits above blocks).
    blocks: { database: deps.database, endRelationsBetween: deleteFollowsBetween },
    privacy: {
      database: deps.database,
      storage: deps.storage,
      logger: deps.logger,
      publicUrl: config.publicUrl,
      get siteName() {
        return settings.siteName;
      },
      accounts,
    },
    notifications: {
      database: deps.database,
      events,
      limiter,
      logger: deps.logger,
      publicUrl: config.publicUrl,
      get siteName() {
        return settings.siteName;
      },
      // The event stream carries messages too (the messages module sits above notifications).
      messages: messageEventsOf(deps.database.primary),
    },
    listening: {
      database: deps.database,
      secrets,
      limiter,
      logger: deps.logger,
    },
    moderation: {
      database: deps.database,
      limiter,
      logger: deps.logger,
      // A takedown moves published media: the tracks' storage and this process's media cache.
      media: tracks,
      publicUrl: config.publicUrl,
      get siteName() {
        return settings.siteName;
      },
    },
    social: {
      database: deps.database,
      limiter,
      logger: deps.logger,
      publicUrl: config.publicUrl,
      get siteName() {
        return settings.siteName;
      },
    },
    settings,
    close: async () => {
      await settings.close();
      await hub.close();
    },
  };
}
