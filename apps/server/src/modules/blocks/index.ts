/**
 * Blocks: who blocked whom (the `user_blocks` table). Blocking someone stops their messages,
 * hides their comments and notifications, ends follows either way; every other module asks
 * this one whether two people blocked each other.
 */
export { blockedBetween, isBlockedBetween, usersBlockedWith } from "./blocks.repo.ts";
export { type BlocksContext, registerBlockRoutes } from "./blocks.routes.ts";
