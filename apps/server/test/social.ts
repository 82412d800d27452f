import type { Role, Visibility } from "@stave/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database } from "../src/platform/db/database.ts";
import { buildUser, type SignedIn, signIn, type TestUser } from "./accounts.ts";
import type { TestAppContext } from "./app.ts";
import { insertReadyTrack } from "./catalog.ts";

export type Person = TestUser & { session: SignedIn };

let signIns = 0;

/** A user signed in from an address of their own (the per-IP login limit never bites). */
export async function buildPerson(
  t: TestAppContext,
  options: { role?: Role; isVerified?: boolean } = {},
): Promise<Person> {
  const user = await buildUser(t.db.database, options);
  signIns += 1;
  return { ...user, session: await signIn(t.app, user, `192.0.2.${signIns % 250}`) };
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

/** A request as `who` (cookie and CSRF token), or anonymous when `who` is null. */
export function as(
  app: FastifyInstance,
  who: Person | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(who && { headers: method === "GET" ? { cookie: who.session.cookie } : who.session.headers }),
    ...(payload !== undefined && { payload: payload as object }),
  });
}

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
  const id = await insertReadyTrack(database, ownerId, {
    title: options.title ?? `Track ${Math.random().toString(36).slice(2, 8)}`,
    visibility: options.visibility ?? "public",
    ...(options.createdAt && { createdAt: options.createdAt }),
    ...(options.playCount !== undefined && { playCount: options.playCount }),
  });
  await database.primary
    .updateTable("tracks")
    .set({ duration_ms: options.durationMs ?? 180_000 })
    .where("id", "=", id)
    .execute();
  return id;
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
