/** Moderation: reports and takedowns (table `reports`, the takedown columns of the content it acts on). */
export type { ModerationContext } from "./moderation.context.ts";
export { registerModerationRoutes } from "./moderation.routes.ts";
