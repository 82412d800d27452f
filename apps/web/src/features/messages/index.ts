// What the app and other features may use of messages; everything else in this folder is its own.
export { BlockedPeople } from "./components/BlockedPeople.tsx";
export { messageKeys } from "./hooks/messageKeys.ts";
export { appendToThread } from "./hooks/threadCache.ts";
export { ConversationPage } from "./pages/ConversationPage.tsx";
export { MessagesPage } from "./pages/MessagesPage.tsx";
export { fetchConversations } from "./services/messagesApi.ts";
