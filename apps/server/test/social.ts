import type { Role, Visibility } from "@stave/contracts";
import type { LightMyRequestResponse } from "fastify";
import type { Database } from "../src/platform/db/database.ts";
import { buildSignedInUser, requestAs, type SignedInUser } from "./accounts.ts";
import type { TestAppContext } from "./app.ts";
import { insertReadyTrack } from "./catalog.ts";

export type Person = SignedInUser;

/** A user signed in from an address of their own. */
export const buildPerson = (t: TestAppContext, options: { role?: Role; isVerified?: boolean } = {}): Promise<Person> =>
  buildSignedInUser(t, options, "192.0.2");

/** A request as `who` (cookie and CSRF token), or anonymous when `who` is null. */
export const as = requestAs;

/** The JSON of a 2xx answer, or a thrown error that shows what came instead. */
export function ok<T>(response: LightMyRequestResponse): T {
  if (response.statusCode >= 300) throw new Error(`expected success: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/** A ready track straight into the database, with a length (comments at a moment need one). */
export async function buildTrack(
  database: Database,
  ownerId: string,
  options: { title?: string; visibility?: Visibility; durationMs?: number; createdAt?: Date; playCount?: number } = {},
) {
  return insertReadyTrack(database, ownerId, {
    title: options.title ?? `Track ${Math.random().toString(36).slice(2, 8)}`,
    visibility: options.visibility ?? "public",
    ...(options.createdAt && { createdAt: options.createdAt }),
    ...(options.playCount !== undefined && { playCount: options.playCount }),
    durationMs: options.durationMs ?? 180_000,
  });
}

export async function buildPlaylist(database: Database, ownerId: string, visibility: Visibility = "public") {
  const row = await database.primary
    .insertInto("playlists")
    .values({ owner_id: ownerId, title: `Playlist ${Math.random().toString(36).slice(2, 8)}`, visibility })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The notifications a user has of one kind, oldest first. */
export function notificationsOf(database: Database, userId: string, kind: string) {
  return database.primary
    .selectFrom("notifications")
    .select(["kind", "actor_id", "subject_type", "subject_id", "data"])
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .orderBy("created_at")
    .execute();
}
