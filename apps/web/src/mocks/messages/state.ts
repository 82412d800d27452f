import type { Conversation, Message, Notification, NotificationKind, UserEvent } from "@stave/contracts";
import { minutesAgo, mockId } from "../accounts/factories.ts";
import type { MockAccountsState, MockUser } from "../accounts/state.ts";
import type { MockConversationSeed } from "./factories.ts";

/** What a mocked messaging API starts from. */
export type MockMessagesSeed = {
  /** Who exists and who is signed in. */
  accounts: MockAccountsState;
  /** The signed-in user the seeds below belong to (conversations need them; default none). */
  me?: { id: string };
  /** My notifications, newest first. */
  notifications?: Notification[];
  /** My conversations. */
  conversations?: MockConversationSeed[];
  /** Usernames I blocked. */
  blocked?: string[];
  /** Usernames who blocked me. */
  blockedBy?: string[];
  /** The kinds I get by email (default: messages only). */
  emailKinds?: NotificationKind[];
};

export type MockMessage = Message & { seq: number; hiddenFor: string[] };

type MockConversation = {
  id: string;
  members: [string, string];
  /** Per member: the last message seq read, and the seq their copy was deleted up to. */
  readUpTo: Record<string, number>;
  clearedUpTo: Record<string, number>;
  /** Activity order when there are no messages yet. */
  openedSeq: number;
};

type Store = {
  conversations: MockConversation[];
  messages: MockMessage[];
  notifications: Record<string, Notification[]>;
  blocks: string[];
  emailKinds: Record<string, NotificationKind[]>;
  seq: number;
};

export type UserEventListener = (userId: string, event: UserEvent) => void;

const blockKey = (blocker: string, blocked: string) => `${blocker}>${blocked}`;

/** The mocked server's conversations, messages, notifications and blocks. */
export class MockMessagesState {
  readonly accounts: MockAccountsState;
  private store!: Store;
  /** Built once, so ids stay the same across resets. */
  private readonly initial: Store;
  private readonly listeners = new Set<UserEventListener>();

  constructor(seed: MockMessagesSeed) {
    this.accounts = seed.accounts;
    this.initial = this.materialise(seed);
    this.reset();
  }

  reset(): void {
    this.store = structuredClone(this.initial);
    this.listeners.clear();
  }

  private materialise(seed: MockMessagesSeed): Store {
    const store: Store = { conversations: [], messages: [], notifications: {}, blocks: [], emailKinds: {}, seq: 0 };
    const me = seed.me?.id;
    if (!me) return store;
    const idOf = (username: string) => {
      const user = this.accounts.findByLogin(username);
      if (!user) throw new Error(`mock messages: no account "${username}" to seed with`);
      return user.me.id;
    };
    store.notifications[me] = structuredClone(seed.notifications ?? []);
    store.emailKinds[me] = [...(seed.emailKinds ?? ["message"])];
    for (const username of seed.blocked ?? []) store.blocks.push(blockKey(me, idOf(username)));
    for (const username of seed.blockedBy ?? []) store.blocks.push(blockKey(idOf(username), me));
    // Seeds come in display order (the first is the latest active): the last gets the oldest messages.
    const seeds = seed.conversations ?? [];
    for (let index = seeds.length - 1; index >= 0; index -= 1) {
      const conversationSeed = seeds[index] as MockConversationSeed;
      const other = idOf(conversationSeed.with);
      const conversation: MockConversation = {
        id: conversationSeed.id ?? mockId(),
        members: [me, other],
        readUpTo: {},
        clearedUpTo: {},
        openedSeq: ++store.seq,
      };
      const seeded = conversationSeed.messages ?? [];
      const messages = seeded.map<MockMessage>((message, position) => ({
        id: mockId(),
        conversationId: conversation.id,
        senderId: message.from === "me" ? me : other,
        body: message.body,
        createdAt: message.at ?? minutesAgo(index * 180 + (seeded.length - position) * 4),
        seq: ++store.seq,
        hiddenFor: [],
      }));
      store.messages.push(...messages);
      // Both have read everything, but for my `unread` latest messages from them.
      const firstUnread = messages.filter((message) => message.senderId === other).at(-(conversationSeed.unread ?? 0));
      conversation.readUpTo[me] = conversationSeed.unread && firstUnread ? firstUnread.seq - 1 : store.seq;
      conversation.readUpTo[other] = store.seq;
      store.conversations.push(conversation);
    }
    return store;
  }

  // ----- who -----

  get currentUserId(): string | null {
    return this.accounts.currentUserId;
  }

  userById(id: string): MockUser | undefined {
    return this.accounts.findById(id);
  }

  isBlockedBetween(a: string, b: string): boolean {
    return this.store.blocks.includes(blockKey(a, b)) || this.store.blocks.includes(blockKey(b, a));
  }

  blockedBy(userId: string): MockUser[] {
    return this.store.blocks
      .filter((key) => key.startsWith(`${userId}>`))
      .reverse()
      .flatMap((key) => this.userById(key.slice(userId.length + 1)) ?? []);
  }

  setBlocked(blocker: string, blocked: string, on: boolean): void {
    const key = blockKey(blocker, blocked);
    this.store.blocks = this.store.blocks.filter((candidate) => candidate !== key);
    if (on) this.store.blocks.push(key);
  }

  // ----- live events -----

  /** Listens to every user's events (the mocked event stream filters by user). */
  subscribe(listener: UserEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(userId: string, event: UserEvent): UserEvent {
    for (const listener of [...this.listeners]) listener(userId, event);
    return event;
  }

  readEvent(userId: string): UserEvent {
    return {
      type: "read",
      unreadNotifications: this.unreadNotifications(userId),
      unreadMessages: this.unreadMessages(userId),
    };
  }

  // ----- notifications -----

  notificationsOf(userId: string): Notification[] {
    this.store.notifications[userId] ??= [];
    return this.store.notifications[userId];
  }

  unreadNotifications(userId: string): number {
    return this.notificationsOf(userId).filter((notification) => notification.readAt === null).length;
  }

  markNotificationsRead(userId: string, ids: string[] | undefined): void {
    const now = new Date().toISOString();
    for (const notification of this.notificationsOf(userId)) {
      if (notification.readAt === null && (!ids || ids.includes(notification.id))) notification.readAt = now;
    }
    this.publish(userId, this.readEvent(userId));
  }

  /** A new notification for `userId`; returns the event the stream sends them. */
  notify(userId: string, notification: Notification): UserEvent {
    this.notificationsOf(userId).unshift(notification);
    return this.publish(userId, {
      type: "notification",
      notification,
      unreadCount: this.unreadNotifications(userId),
    });
  }

  emailKindsOf(userId: string): NotificationKind[] {
    return this.store.emailKinds[userId] ?? ["message"];
  }

  setEmailKinds(userId: string, kinds: NotificationKind[]): void {
    this.store.emailKinds[userId] = kinds;
  }

  // ----- conversations -----

  private conversationById(id: string): MockConversation | undefined {
    return this.store.conversations.find((conversation) => conversation.id === id);
  }

  /** The conversation if `userId` is in it. */
  conversationFor(id: string, userId: string): MockConversation | undefined {
    const conversation = this.conversationById(id);
    return conversation?.members.includes(userId) ? conversation : undefined;
  }

  /** `userId`'s copy of the messages, newest first. */
  messagesFor(conversation: MockConversation, userId: string): MockMessage[] {
    const cleared = conversation.clearedUpTo[userId] ?? -1;
    return this.store.messages
      .filter(
        (message) =>
          message.conversationId === conversation.id && message.seq > cleared && !message.hiddenFor.includes(userId),
      )
      .sort((a, b) => b.seq - a.seq);
  }

  private unreadIn(conversation: MockConversation, userId: string): number {
    const read = conversation.readUpTo[userId] ?? -1;
    return this.messagesFor(conversation, userId).filter((message) => message.senderId !== userId && message.seq > read)
      .length;
  }

  unreadMessages(userId: string): number {
    return this.store.conversations
      .filter((conversation) => conversation.members.includes(userId))
      .reduce((sum, conversation) => sum + this.unreadIn(conversation, userId), 0);
  }

  present(conversation: MockConversation, userId: string): Conversation {
    const otherId = conversation.members.find((member) => member !== userId) ?? userId;
    const other = this.userById(otherId)?.me;
    const last = this.messagesFor(conversation, userId)[0];
    return {
      id: conversation.id,
      with: {
        id: otherId,
        username: other?.username ?? "deleted",
        displayName: other?.profile.displayName ?? null,
      },
      lastMessage: last ? toMessage(last) : null,
      unreadCount: this.unreadIn(conversation, userId),
      blocked: this.isBlockedBetween(userId, otherId),
      updatedAt: last?.createdAt ?? minutesAgo(0),
    };
  }

  /** `userId`'s conversations, the latest active first; a deleted copy stays away until a new message. */
  conversationsOf(userId: string): Conversation[] {
    return this.store.conversations
      .filter((conversation) => conversation.members.includes(userId))
      .filter(
        (conversation) =>
          conversation.clearedUpTo[userId] === undefined || this.messagesFor(conversation, userId).length > 0,
      )
      .map((conversation) => ({ conversation, activity: this.activityOf(conversation, userId) }))
      .sort((a, b) => b.activity - a.activity)
      .map(({ conversation }) => this.present(conversation, userId));
  }

  private activityOf(conversation: MockConversation, userId: string): number {
    return this.messagesFor(conversation, userId)[0]?.seq ?? conversation.openedSeq;
  }

  /** Finds or opens the conversation between two users. */
  open(userId: string, otherId: string): MockConversation {
    const existing = this.store.conversations.find(
      (conversation) => conversation.members.includes(userId) && conversation.members.includes(otherId),
    );
    if (existing) return existing;
    const conversation: MockConversation = {
      id: mockId(),
      members: [userId, otherId],
      readUpTo: {},
      clearedUpTo: {},
      openedSeq: ++this.store.seq,
    };
    this.store.conversations.push(conversation);
    return conversation;
  }

  /** Stores a message and tells both sides' streams; the recipient gets a notification on a new unread run. */
  send(conversation: MockConversation, senderId: string, body: string): Message {
    const recipientId = conversation.members.find((member) => member !== senderId) ?? senderId;
    const unreadBefore = this.unreadIn(conversation, recipientId);
    const message: MockMessage = {
      id: mockId(),
      conversationId: conversation.id,
      senderId,
      body,
      createdAt: new Date().toISOString(),
      seq: ++this.store.seq,
      hiddenFor: [],
    };
    this.store.messages.push(message);
    conversation.readUpTo[senderId] = message.seq;
    const presented = toMessage(message);
    for (const userId of new Set([recipientId, senderId])) {
      this.publish(userId, {
        type: "message",
        conversationId: conversation.id,
        message: presented,
        unreadMessages: this.unreadMessages(userId),
      });
    }
    const sender = this.userById(senderId)?.me;
    if (unreadBefore === 0 && sender && recipientId !== senderId) {
      this.notify(recipientId, {
        id: mockId(),
        kind: "message",
        actor: { id: sender.id, username: sender.username, displayName: sender.profile.displayName },
        subject: { type: "conversation", id: conversation.id },
        text: `${sender.profile.displayName ?? sender.username} sent you a message`,
        readAt: null,
        createdAt: presented.createdAt,
      });
    }
    return presented;
  }

  /**
   * The other person in the signed-in user's conversation writes `body`: for tests and
   * stories of live delivery. Returns the event the signed-in user's stream receives.
   */
  receive(conversationId: string, body: string): UserEvent & { type: "message" } {
    const me = this.currentUserId;
    const conversation = me ? this.conversationFor(conversationId, me) : undefined;
    if (!me || !conversation)
      throw new Error(`mock messages: no conversation ${conversationId} for the signed-in user`);
    const otherId = conversation.members.find((member) => member !== me) ?? me;
    const message = this.send(conversation, otherId, body);
    return { type: "message", conversationId, message, unreadMessages: this.unreadMessages(me) };
  }

  markRead(conversation: MockConversation, userId: string): void {
    conversation.readUpTo[userId] = this.store.seq;
    this.publish(userId, this.readEvent(userId));
  }

  hideMessage(message: MockMessage, userId: string): void {
    message.hiddenFor.push(userId);
  }

  clear(conversation: MockConversation, userId: string): void {
    conversation.clearedUpTo[userId] = this.store.seq;
    conversation.readUpTo[userId] = this.store.seq;
  }
}

export const toMessage = ({ seq: _seq, hiddenFor: _hiddenFor, ...message }: MockMessage): Message => message;
