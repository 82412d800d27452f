import type { NotificationKind } from "@stave/contracts";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import { blockedBetween } from "../visibility/index.ts";

const withActor = (db: Kysely<DB>) =>
  db
    .selectFrom("notifications as n")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("user_profiles as ap", "ap.user_id", "n.actor_id")
    .selectAll("n")
    .select(["a.username as actor_username", "ap.display_name as actor_display_name"]);

export type NotificationRow = Awaited<ReturnType<ReturnType<typeof withActor>["executeTakeFirstOrThrow"]>>;

/**
 * Blocking someone hides their notifications, those from before the block too (as it hides
 * their comments), and brings them back on unblocking: checked when read, either way round.
 * `n` is notifications.
 */
const actorNotBlocked = sql<boolean>`NOT ${blockedBetween(sql.ref("n.user_id"), sql.ref("n.actor_id"))}`;

export const findNotification = (db: Kysely<DB>, id: string) => withActor(db).where("n.id", "=", id).executeTakeFirst();

export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  options: { limit: number; unreadOnly: boolean; after?: Keyset | undefined },
) {
  let query = withActor(db)
    // The cursor's key, to the microsecond (a JavaScript Date would round it to the millisecond).
    .select(timeKey(sql.ref<Date>("n.created_at")).as("created_key"))
    .where("n.user_id", "=", userId)
    .where(actorNotBlocked)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(options.limit + 1);
  if (options.unreadOnly) query = query.where("n.read_at", "is", null);
  const { after } = options;
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("n.created_at"), sql.ref<string>("n.id"), after));
  return query.execute();
}

export async function countUnreadNotifications(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications as n")
    .select((eb) => eb.fn.countAll<number>().as("unread"))
    .where("n.user_id", "=", userId)
    .where("n.read_at", "is", null)
    .where(actorNotBlocked)
    .executeTakeFirst();
  return Number(row?.unread ?? 0);
}

export async function markNotificationsRead(db: Kysely<DB>, userId: string, ids: string[] | undefined) {
  let query = db
    .updateTable("notifications")
    .set({ read_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids) query = query.where("id", "in", ids);
  await query.execute();
}

/** The kinds a user has chosen to receive by email (the column only ever holds validated kinds). */
export async function emailKindsOf(db: Kysely<DB>, userId: string): Promise<NotificationKind[]> {
  const row = await db
    .selectFrom("notification_settings")
    .select("email_kinds")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return (row?.email_kinds ?? []) as NotificationKind[];
}

export async function saveEmailKinds(db: Kysely<DB>, userId: string, kinds: string[]) {
  await db
    .insertInto("notification_settings")
    .values({ user_id: userId, email_kinds: kinds })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ email_kinds: kinds, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Whether either of the two has blocked the other. */
export async function isBlockedBetween(db: Kysely<DB>, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom("user_blocks")
    .select("blocker_id")
    .where((eb) =>
      eb.or([
        eb.and([eb("blocker_id", "=", a), eb("blocked_id", "=", b)]),
        eb.and([eb("blocker_id", "=", b), eb("blocked_id", "=", a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
