import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Transaction } from "kysely";
import type { Database } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";
import { principalOf } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { serve } from "../../platform/http/operations.ts";
import { findUserIdByUsername } from "../accounts/index.ts";
import { deleteBlock, insertBlock, listBlockedBy } from "./blocks.repo.ts";

/** What blocking needs, wired by services.ts. */
export interface BlocksContext {
  database: Database;
  /**
   * Ends what a block ends besides the block itself (follows, either way: the social module
   * owns them and sits above this one), in the transaction that records the block.
   */
  endRelationsBetween(trx: Transaction<DB>, blockerId: string, blockedId: string): Promise<void>;
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
    const rows = await listBlockedBy(db, principalOf(request).userId);
    return { items: rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name })) };
  });

  serve(app, api.blocks.block, async (request, reply) => {
    const { userId } = principalOf(request);
    const blockedId = await userIdOf(request.params.username);
    if (blockedId === userId) throw new AppError("BAD_REQUEST", "You cannot block yourself");
    // Neither follows the other any more: a block also keeps each out of the other's feed.
    await db.transaction().execute(async (trx) => {
      await insertBlock(trx, userId, blockedId);
      await ctx.endRelationsBetween(trx, userId, blockedId);
    });
    return reply.status(204).send();
  });

  serve(app, api.blocks.unblock, async (request, reply) => {
    await deleteBlock(db, principalOf(request).userId, await userIdOf(request.params.username));
    return reply.status(204).send();
  });
}
