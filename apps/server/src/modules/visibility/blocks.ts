import { type RawBuilder, sql } from "kysely";

/**
 * Whether the users `a` and `b` (ids, or columns of ids) blocked each other, either way: the
 * one definition of a block relationship, for the rules here and for notifications.
 */
export const blockedBetween = (a: string | RawBuilder<string>, b: string | RawBuilder<string>): RawBuilder<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM user_blocks vb
     WHERE (vb.blocker_id = ${a} AND vb.blocked_id = ${b}) OR (vb.blocker_id = ${b} AND vb.blocked_id = ${a}))`;
