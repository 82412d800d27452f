import type { Role } from "@stave/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { usersBlockedWith } from "../blocks/index.ts";

/**
 * Who is looking: a signed-in user, or null for anyone signed out. Without a role, a viewer
 * gets no staff power: code that knows only an id (a playlist's owner, a search) passes that.
 */
export type Viewer = { userId: string; role?: Role } | null;

/** The viewer behind a request's principal (null when signed out). */
export const viewerOf = (principal: { userId: string; role: Role } | null | undefined): Viewer =>
  principal ? { userId: principal.userId, role: principal.role } : null;

/**
 * The users the viewer blocked or was blocked by: what a rule with a block test needs to be
 * checked on loaded rows (its SQL form asks `user_blocks` itself).
 */
export async function loadBlockedWith(db: Kysely<DB>, viewer: Viewer): Promise<ReadonlySet<string>> {
  return viewer === null ? new Set() : usersBlockedWith(db, viewer.userId);
}
