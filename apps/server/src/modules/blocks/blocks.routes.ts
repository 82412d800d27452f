import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";
import { principalOf } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { serve } from "../../platform/http/operations.ts";
import { findUserIdByUsername } from "../accounts/index.ts";

/** What blocking needs, wired by services.ts. */
export interface BlocksContext {
  database: Database;
  /**
   * Ends what a block ends besides the block itself (follows, either way: the social module
   * owns them and sits above this one), in the transaction that records the block.
   */
  endRelationsBetween(trx: Kysely<DB>, blockerId: string, blockedId: string): Promise<void>;
}

/**
 * Blocking someone stops their messages to me (and mine to them), hides their comments
 * from me (and mine from them), ends follows either way, and mutes their notifications.
 * They are not told.
 */
export function registerBlockRoutes(app: FastifyInstance, ctx: BlocksContext) {
  const db = ctx.database.primary;

  const userIdOf = async (username: string) => {
    const id = await findUserIdByUsername(db, username);
    if (!id) throw notFound("User");
    return id;
  };

  serve(app, api.blocks.list, async (request) => {
    const rows = await db
      .selectFrom("user_blocks as b")
      .innerJoin("users as u", "u.id", "b.blocked_id")
      .leftJoin("user_profiles as p", "p.user_id", "u.id")
      .select(["u.id", "u.username", "p.display_name"])
      .where("b.blocker_id", "=", principalOf(request).userId)
      .orderBy("b.created_at", "desc")
      .execute();
    return { items: rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name })) };
  });

  serve(app, api.blocks.block, async (request, reply) => {
    const { userId } = principalOf(request);
    const blockedId = await userIdOf(request.params.username);
    if (blockedId === userId) throw new AppError("BAD_REQUEST", "You cannot block yourself");
    // Neither follows the other any more: a block also keeps each out of the other's feed.
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("user_blocks")
        .values({ blocker_id: userId, blocked_id: blockedId })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await ctx.endRelationsBetween(trx, userId, blockedId);
    });
    return reply.status(204).send();
  });

  serve(app, api.blocks.unblock, async (request, reply) => {
    await db
      .deleteFrom("user_blocks")
      .where("blocker_id", "=", principalOf(request).userId)
      .where("blocked_id", "=", await userIdOf(request.params.username))
      .execute();
    return reply.status(204).send();
  });
}
