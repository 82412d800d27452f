import { trackOwnerSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { findUserIdByUsername } from "../accounts/accounts.repo.ts";
import { deleteFollowsBetween } from "./follows.repo.ts";

const tags = ["social"];
const usernameParams = z.object({ username: z.string().min(1).max(30) });

/**
 * Blocking someone stops their messages to me (and mine to them), hides their comments
 * from me (and mine from them), ends follows either way, and mutes their notifications.
 * They are not told.
 */
export function registerBlockRoutes(app: FastifyInstance, database: Database) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = database.primary;

  const userIdOf = async (username: string) => {
    const id = await findUserIdByUsername(db, username);
    if (!id) throw notFound("User");
    return id;
  };

  routes.get(
    "/api/v1/me/blocks",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "People I have blocked",
        response: { 200: z.object({ items: z.array(trackOwnerSchema) }) },
      },
    },
    async (request) => {
      const rows = await db
        .selectFrom("user_blocks as b")
        .innerJoin("users as u", "u.id", "b.blocked_id")
        .leftJoin("user_profiles as p", "p.user_id", "u.id")
        .select(["u.id", "u.username", "p.display_name"])
        .where("b.blocker_id", "=", principalOf(request).userId)
        .orderBy("b.created_at", "desc")
        .execute();
      return { items: rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name })) };
    },
  );

  routes.put(
    "/api/v1/me/blocks/:username",
    { config: { access: "authenticated" }, schema: { tags, summary: "Block a user", params: usernameParams } },
    async (request, reply) => {
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
        await deleteFollowsBetween(trx, userId, blockedId);
      });
      return reply.status(204).send();
    },
  );

  routes.delete(
    "/api/v1/me/blocks/:username",
    { config: { access: "authenticated" }, schema: { tags, summary: "Unblock a user", params: usernameParams } },
    async (request, reply) => {
      await db
        .deleteFrom("user_blocks")
        .where("blocker_id", "=", principalOf(request).userId)
        .where("blocked_id", "=", await userIdOf(request.params.username))
        .execute();
      return reply.status(204).send();
    },
  );
}
