/** Every cached messaging query lives under ["messages"]. */
export const messageKeys = {
  all: ["messages"] as const,
  /** My conversations, the latest active first (an infinite list). */
  conversations: ["messages", "conversations"] as const,
  conversationDetails: ["messages", "conversation"] as const,
  conversation: (id: string) => ["messages", "conversation", id] as const,
  /** A conversation's messages, pages newest first (an infinite list). */
  thread: (id: string) => ["messages", "thread", id] as const,
  blocks: ["messages", "blocks"] as const,
};
