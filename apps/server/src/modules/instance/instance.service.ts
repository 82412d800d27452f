import type { InstanceSettingsUpdate, InstanceSettings as InstanceSettingsView } from "@stave/contracts";
import type { Database } from "../../platform/db/database.ts";
import type { NotificationHub } from "../../platform/db/notifications.ts";
import type { Logger } from "../../platform/logger.ts";
import {
  announceSettingsChange,
  lockSettingsRow,
  readSettingsRow,
  type SettingsChanges,
  type SettingsRow,
  writeSettingsRow,
} from "./instance.repo.ts";

export const SETTINGS_CHANNEL = "instance_settings";

/**
 * How long a process trusts its copy while it is listening for changes. A change reaches
 * every process within milliseconds (NOTIFY, and a fresh read after a lost connection);
 * this is only a backstop should a notification go astray anyway.
 */
const TRUST_WHILE_LISTENING_MS = 60_000;

/** What applies now: the row's values, with the server's configuration where the row says NULL. */
export interface EffectiveSettings {
  registrationMode: SettingsRow["registration_mode"];
  siteName: string;
  siteDescription: string;
  termsText: string;
  privacyText: string;
  defaultUploadLimitBytes: number;
  defaultStorageQuotaBytes: number;
  updatedAt: Date;
}

/** SITE_NAME, UPLOAD_MAX_BYTES and STORAGE_QUOTA_BYTES: the defaults an admin may override. */
export interface SettingsFallbacks {
  siteName: string;
  uploadMaxBytes: number;
  storageQuotaBytes: number;
}

export interface InstanceSettingsDeps {
  database: Database;
  fallbacks: SettingsFallbacks;
  logger: Logger;
  /** Without one (the CLI, a hand-built test context) every read goes to the database. */
  hub?: NotificationHub | undefined;
}

const columnOf = {
  registrationMode: "registration_mode",
  siteName: "site_name",
  siteDescription: "site_description",
  termsText: "terms_text",
  privacyText: "privacy_text",
  defaultUploadLimitBytes: "default_upload_limit_bytes",
  defaultStorageQuotaBytes: "default_storage_quota_bytes",
} as const satisfies Record<keyof InstanceSettingsUpdate, keyof SettingsChanges>;

/**
 * The instance's settings, changeable by an admin without a restart, in every process.
 *
 * Scheme: each process keeps one copy of the single settings row. Any process that changes
 * it sends a NOTIFY in the changing transaction (so it fires on commit), and every process
 * re-reads the row when it hears one, or when its LISTEN connection comes back after a loss
 * (a notification may have been missed); a copy is trusted for at most 60 s regardless.
 * Hot paths (every upload, every registration, the public /instance call of each page
 * load) thus cost no query, and mail templates, which compose synchronously, read the
 * current name from `siteName`. Without a LISTEN connection the row is read on every use:
 * it is one primary-key lookup.
 */
export class InstanceSettings {
  private latest: EffectiveSettings;
  private loadedAt = Number.NEGATIVE_INFINITY;
  /** Bumped by every announced change: a read that started before it must not be cached. */
  private generation = 0;
  private listening: Promise<boolean> | null = null;
  private inflight: { generation: number; read: Promise<EffectiveSettings> } | null = null;
  private closed = false;
  private stopWatchingReconnects: (() => void) | null = null;

  constructor(private readonly deps: InstanceSettingsDeps) {
    this.latest = this.effective(undefined);
  }

  /**
   * The site name as last read (the configured SITE_NAME until the first read), for code
   * that cannot wait; a stale copy starts a refresh in the background.
   */
  get siteName(): string {
    if (!this.isFresh() && this.listening && !this.closed) void this.current().catch(() => undefined);
    return this.latest.siteName;
  }

  async current(): Promise<EffectiveSettings> {
    if (this.isFresh()) return this.latest;
    await this.listen();
    return this.load();
  }

  /** Applies an admin's change; answers what applies now and which settings actually changed. */
  async update(
    input: InstanceSettingsUpdate,
    actorId: string | null,
  ): Promise<{ settings: EffectiveSettings; changed: string[] }> {
    const generation = this.generation;
    const result = await this.deps.database.primary.transaction().execute(async (trx) => {
      const before = this.effective(await lockSettingsRow(trx));
      const changes: SettingsChanges = {};
      const changed: string[] = [];
      for (const key of Object.keys(columnOf) as (keyof InstanceSettingsUpdate)[]) {
        const value = input[key];
        if (value === undefined || value === before[key]) continue;
        Object.assign(changes, { [columnOf[key]]: value });
        changed.push(key);
      }
      if (changed.length === 0) return { settings: before, changed };
      const row = await writeSettingsRow(trx, changes, actorId);
      await announceSettingsChange(trx, SETTINGS_CHANNEL);
      return { settings: this.effective(row), changed };
    });
    if (result.changed.length > 0) {
      this.generation += 1;
      // This process need not wait for its own notification, unless another change was
      // announced meanwhile: then which one is newer is for a fresh read to say.
      if (generation + 1 === this.generation) this.remember(result.settings);
      else this.loadedAt = Number.NEGATIVE_INFINITY;
    }
    return result;
  }

  async close() {
    this.closed = true;
    this.stopWatchingReconnects?.();
  }

  private isFresh() {
    return this.listening !== null && Date.now() - this.loadedAt < TRUST_WHILE_LISTENING_MS;
  }

  /** Subscribes once; resolves false when there is no hub or LISTEN failed (then nothing is cached). */
  private listen(): Promise<boolean> {
    const { hub, logger } = this.deps;
    if (!hub || this.closed) return Promise.resolve(false);
    const changed = () => {
      this.generation += 1;
      this.loadedAt = Number.NEGATIVE_INFINITY;
      // Re-read now, so `siteName` is current for the next mail without anyone asking.
      if (!this.closed) void this.load().catch((error) => logger.warn({ err: error }, "settings reload failed"));
    };
    this.listening ??= hub.subscribe(SETTINGS_CHANNEL, changed).then(
      () => {
        // A change announced while the connection was down never arrives: read afresh.
        this.stopWatchingReconnects = hub.onReconnect(changed);
        return true;
      },
      (error) => {
        logger.warn({ err: error }, "cannot LISTEN for settings changes; reading them on every use");
        this.listening = null;
        return false;
      },
    );
    return this.listening;
  }

  private load(): Promise<EffectiveSettings> {
    const generation = this.generation;
    if (this.inflight?.generation === generation) return this.inflight.read;
    const read = readSettingsRow(this.deps.database.primary)
      .then((row) => {
        const settings = this.effective(row);
        if (generation === this.generation) this.remember(settings);
        return settings;
      })
      .finally(() => {
        if (this.inflight?.read === read) this.inflight = null;
      });
    this.inflight = { generation, read };
    return read;
  }

  private remember(settings: EffectiveSettings) {
    this.latest = settings;
    this.loadedAt = Date.now();
  }

  private effective(row: SettingsRow | undefined): EffectiveSettings {
    const { fallbacks } = this.deps;
    return {
      registrationMode: row?.registration_mode ?? "open",
      siteName: row?.site_name ?? fallbacks.siteName,
      siteDescription: row?.site_description ?? "",
      termsText: row?.terms_text ?? "",
      privacyText: row?.privacy_text ?? "",
      defaultUploadLimitBytes: row?.default_upload_limit_bytes ?? fallbacks.uploadMaxBytes,
      defaultStorageQuotaBytes: row?.default_storage_quota_bytes ?? fallbacks.storageQuotaBytes,
      updatedAt: row ? new Date(row.updated_at) : new Date(0),
    };
  }
}

export const presentSettings = (settings: EffectiveSettings): InstanceSettingsView => ({
  ...settings,
  updatedAt: settings.updatedAt.toISOString(),
});
