import { z } from "zod";
import { trackOwnerSchema } from "./tracks.ts";

/** What a notification is about. */
export const notificationKinds = [
  "follow",
  "like",
  "comment",
  "repost",
  "message",
  "new_track",
  "export_ready",
  "report_resolved",
  "content_taken_down",
  "content_restored",
  "track_ready",
  "track_failed",
] as const;
const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** Someone else involved: who followed, liked, wrote… (null for the system's own news). */
const notificationActorSchema = trackOwnerSchema.meta({ id: "NotificationActor" });

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: notificationKindSchema,
    actor: notificationActorSchema.nullable(),
    /** What it concerns, to link to: a track, playlist, conversation, export… */
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    /** A plain-text line to show, e.g. `Zoë liked "Harbour Lights"`. */
    text: z.string(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** `POST /api/v1/me/notifications/read`: these ids, or everything when `ids` is absent. */
export const markNotificationsReadRequestSchema = z.object({ ids: z.array(z.uuid()).min(1).max(100).optional() });

/** Which kinds also arrive by email. */
export const notificationSettingsSchema = z
  .object({ emailKinds: z.array(notificationKindSchema) })
  .meta({ id: "NotificationSettings" });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const MESSAGE_MAX_LENGTH = 4000;

export const messageSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    /** Null when the sender deleted their account ("Deleted user"). */
    senderId: z.uuid().nullable(),
    /** Plain text, shown as written (never as HTML). */
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Message" });
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z
  .object({
    id: z.uuid(),
    /** The other person. */
    with: notificationActorSchema,
    lastMessage: messageSchema.nullable(),
    unreadCount: z.number().int(),
    /** I blocked them, or they blocked me: no new messages either way. */
    blocked: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "Conversation" });
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationPageSchema = z.object({
  items: z.array(conversationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;
export const messagePageSchema = z.object({ items: z.array(messageSchema), nextCursor: z.string().nullable() });
export type MessagePage = z.infer<typeof messagePageSchema>;

const messageBody = z
  .string()
  .max(MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters`)
  .refine((body) => body.trim().length > 0, "Write something first");

/** `POST /api/v1/conversations`: open (or find) my conversation with a user, optionally saying something. */
export const startConversationRequestSchema = z.object({
  username: z.string().min(1).max(30),
  body: messageBody.optional(),
});
export const sendMessageRequestSchema = z.object({ body: messageBody });

/**
 * `GET /api/v1/me/events` (Server-Sent Events): what happens to me, live, in every open
 * tab and whichever API process serves it.
 */
export const userEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("notification"), notification: notificationSchema, unreadCount: z.number().int() }),
  z.object({
    type: z.literal("message"),
    conversationId: z.uuid(),
    message: messageSchema,
    unreadMessages: z.number().int(),
  }),
  /** I read a conversation or notifications in another tab: refresh the badges. */
  z.object({ type: z.literal("read"), unreadNotifications: z.number().int(), unreadMessages: z.number().int() }),
]);
export type UserEvent = z.infer<typeof userEventSchema>;

/**
 * The last event (`event: closed`) of a `/api/v1/me/events` stream that the server ends: a newer
 * stream of the same user took its place (`replaced`; the `retry` hint delays the reconnection),
 * its session or token was revoked (`signed_out`), or the account was suspended or deleted.
 */
export const eventStreamClosedSchema = z.object({ reason: z.enum(["replaced", "signed_out", "account_closed"]) });
export type EventStreamClosed = z.infer<typeof eventStreamClosedSchema>;

/**
 * How many live event streams one user keeps open, across all API processes: the server's
 * stream slots enforce it, and the stream's operation states it.
 */
export const MAX_STREAMS_PER_USER = 5;
