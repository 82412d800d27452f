/** Messages: conversations between two people (tables `conversations`, `conversation_members`, `messages`, `message_hidden`). */
export type { MessagesContext } from "./messages.context.ts";
export { messageEventsOf } from "./messages.events.ts";
export { messagesExporter } from "./messages.export.ts";
export { registerMessageRoutes } from "./messages.routes.ts";
