// What the app and other features may use of notifications; everything else in this folder is its own.
export { EmailNotificationSettings } from "./components/EmailNotificationSettings.tsx";
export { HeaderInbox } from "./components/HeaderInbox.tsx";
export { UserEventSourceProvider } from "./live/UserEventSourceContext.tsx";
export { NotificationsPage } from "./pages/NotificationsPage.tsx";
export type { StreamEndedReason, UserEventHandlers, UserEventSource } from "./services/userEventSource.ts";
