import type { Notification } from "@stave/contracts";
import {
  buildLatestTracks,
  buildLongThread,
  buildMessagingPeople,
  buildNotificationFeed,
  buildTrack,
  createMockApi,
  type MockApi,
  type MockConversationSeed,
  mockId,
  ownerOf,
} from "../../mocks/handlers.ts";

/** Me (ada) and the people I write with: grace, alan and linus. */
export const people = buildMessagingPeople();

/** My track the notifications talk about. */
export const harbourLights = buildTrack({ title: "Harbour Lights", owner: ownerOf(people.me) });

export const graceConversationId = mockId();
export const alanConversationId = mockId();
export const linusConversationId = mockId();

/** Grace wrote twice since I last looked; with alan and linus everything is read. */
export function buildConversations(): MockConversationSeed[] {
  return [
    {
      id: graceConversationId,
      with: "grace",
      messages: [
        { from: "me", body: "Did you get the stems?" },
        { from: "them", body: "Yes! Listening now." },
        { from: "them", body: "The bridge in Harbour Lights is gorgeous.\nCan we talk about the mix tomorrow?" },
      ],
      unread: 2,
    },
    {
      id: alanConversationId,
      with: "alan",
      messages: [
        { from: "them", body: "Thanks for the follow!" },
        { from: "me", body: "Loved your set last night." },
      ],
    },
    {
      id: linusConversationId,
      with: "linus",
      messages: [{ from: "me", body: "Is the kernel of that synth open source?" }],
    },
  ];
}

/** Sixty messages with grace: two pages to go back through. */
export function buildLongConversation(): MockConversationSeed[] {
  return [{ id: graceConversationId, with: "grace", messages: buildLongThread(60), unread: 1 }];
}

export const notificationFeed = (): Notification[] =>
  buildNotificationFeed(people, { conversationId: graceConversationId, trackId: harbourLights.id });

type MessagingApiOptions = {
  notifications?: Notification[];
  conversations?: MockConversationSeed[];
  blocked?: string[];
  blockedBy?: string[];
};

/** The whole mocked API, signed in as ada with her notifications and conversations. A fresh one per call. */
export function messagingApi({
  notifications = notificationFeed(),
  conversations = buildConversations(),
  blocked = [],
  blockedBy = [],
}: MessagingApiOptions = {}): MockApi {
  const { me, grace, alan, linus } = people;
  return createMockApi({
    me,
    users: [grace, alan, linus],
    tracks: [harbourLights, ...buildLatestTracks()],
    messaging: { notifications, conversations, blocked, blockedBy },
  });
}
