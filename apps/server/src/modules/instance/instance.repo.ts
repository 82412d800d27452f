import { type Kysely, type Selectable, sql } from "kysely";
import type { DB, InstanceSettingsTable } from "../../platform/db/schema.ts";

export type SettingsRow = Selectable<InstanceSettingsTable>;

/** The one settings row (the migration inserts it; an empty object if someone deleted it). */
export async function readSettingsRow(db: Kysely<DB>): Promise<SettingsRow | undefined> {
  return db.selectFrom("instance_settings").selectAll().where("id", "=", true).executeTakeFirst();
}

export interface SettingsChanges {
  registration_mode?: SettingsRow["registration_mode"];
  site_name?: string;
  site_description?: string;
  terms_text?: string;
  privacy_text?: string;
  default_upload_limit_bytes?: number;
  default_storage_quota_bytes?: number;
}

/** Locks the row for a read-modify-write, so two admins' changes never interleave. */
export async function lockSettingsRow(db: Kysely<DB>): Promise<SettingsRow | undefined> {
  return db.selectFrom("instance_settings").selectAll().where("id", "=", true).forUpdate().executeTakeFirst();
}

export async function writeSettingsRow(db: Kysely<DB>, changes: SettingsChanges, actorId: string | null) {
  return db
    .insertInto("instance_settings")
    .values({ id: true, ...changes, updated_by: actorId, updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...changes, updated_by: actorId, updated_at: sql<Date>`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Tells every process's settings cache to reload, once `db`'s transaction commits. */
export async function announceSettingsChange(db: Kysely<DB>, channel: string) {
  await sql`SELECT pg_notify(${channel}, '')`.execute(db);
}
