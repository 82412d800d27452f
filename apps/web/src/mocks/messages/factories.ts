import type { Me, Notification } from "@stave/contracts";
import { buildMe, minutesAgo, mockId } from "../accounts/factories.ts";

/** One message of a seeded conversation, oldest first; `from` is the signed-in user or the other person. */
export type MockMessageSeed = { from: "me" | "them"; body: string; at?: string };

/** A conversation the signed-in user has, as a story or test describes it. */
export type MockConversationSeed = {
  id?: string;
  /** The other person's username: one of the accounts' users. */
  with: string;
  messages?: MockMessageSeed[];
  /** How many of the latest messages from them I have not read (default none). */
  unread?: number;
};

const asActor = (user: Me) => ({ id: user.id, username: user.username, displayName: user.profile.displayName });

/** The people of the messaging stories: me (ada), grace, alan and linus, all verified. */
export function buildMessagingPeople() {
  return {
    me: buildMe({ username: "ada", email: "ada@example.com", profile: { displayName: "Ada Lovelace" } }),
    grace: buildMe({ username: "grace", email: "grace@example.com", profile: { displayName: "Grace Hopper" } }),
    alan: buildMe({ username: "alan", email: "alan@example.com", profile: { displayName: "Alan Turing" } }),
    linus: buildMe({ username: "linus", email: "linus@example.com", profile: { displayName: null } }),
  };
}

type NotificationOverrides = Partial<Notification> & { actorUser?: Me };

/** A notification as the server presents it; `actorUser` fills `actor` from an account. */
export function buildNotification({ actorUser, ...overrides }: NotificationOverrides = {}): Notification {
  return {
    id: mockId(),
    kind: "like",
    actor: actorUser ? asActor(actorUser) : null,
    subject: null,
    text: "Something happened",
    readAt: null,
    createdAt: minutesAgo(5),
    ...overrides,
  };
}

/** A plausible mix for `people`' me: a like, a message, a follow, a processed upload, an export… newest first. */
export function buildNotificationFeed(
  people: ReturnType<typeof buildMessagingPeople>,
  { conversationId, trackId }: { conversationId: string; trackId: string },
): Notification[] {
  const { grace, alan, linus } = people;
  return [
    buildNotification({
      kind: "message",
      actorUser: grace,
      subject: { type: "conversation", id: conversationId },
      text: "Grace Hopper sent you a message",
      createdAt: minutesAgo(2),
    }),
    buildNotification({
      kind: "like",
      actorUser: alan,
      subject: { type: "track", id: trackId },
      text: 'Alan Turing liked "Harbour Lights"',
      createdAt: minutesAgo(14),
    }),
    buildNotification({
      kind: "follow",
      actorUser: linus,
      text: "linus followed you",
      createdAt: minutesAgo(60),
    }),
    buildNotification({
      kind: "track_ready",
      subject: { type: "track", id: trackId },
      text: '"Harbour Lights" is processed and ready to play',
      readAt: minutesAgo(100),
      createdAt: minutesAgo(120),
    }),
    buildNotification({
      kind: "export_ready",
      subject: { type: "export", id: mockId() },
      text: "Your data export is ready to download",
      readAt: minutesAgo(60 * 20),
      createdAt: minutesAgo(60 * 24),
    }),
  ];
}

/** `count` alternating messages, oldest first: a thread long enough to page back through. */
export function buildLongThread(count: number): MockMessageSeed[] {
  return Array.from({ length: count }, (_, index) => ({
    from: index % 3 === 1 ? "me" : "them",
    body: `Message number ${index + 1}`,
    at: minutesAgo((count - index) * 3),
  }));
}
