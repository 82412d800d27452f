/**
 * Notifications: what people are told, live and by mail (tables `notifications`,
 * `notification_settings`), and the user's event stream that carries them.
 */
export type { MessageEvents, NotificationsContext } from "./notifications.context.ts";
export { eraseNotifications } from "./notifications.erase.ts";
export { notificationsExporter } from "./notifications.export.ts";
export { registerNotificationRoutes } from "./notifications.routes.ts";
export { type MailSettings, noticeAbout, notify } from "./notifications.service.ts";
export { endWithSignIn } from "./user-streams.ts";
