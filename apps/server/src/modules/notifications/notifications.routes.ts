import {
  markNotificationsReadRequestSchema,
  notificationPageSchema,
  notificationSettingsSchema,
  pageQuerySchema,
  type UserEvent,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { type OpenStreams, openEventStream } from "../../platform/http/sse.ts";
import { presentMessage } from "../messages/messages.presenter.ts";
import { countUnreadMessages, findMessageFor } from "../messages/messages.repo.ts";
import type { NotificationsContext } from "./notifications.context.ts";
import { presentNotification } from "./notifications.presenter.ts";
import {
  countUnreadNotifications,
  emailKindsOf,
  findNotificationFor,
  listNotifications,
  markNotificationsRead,
  saveEmailKinds,
} from "./notifications.repo.ts";
import { publishUserEvent, type UserEventSignal } from "./user-events.ts";
import { MAX_STREAMS_PER_USER, SignInGuard, StreamSlot } from "./user-streams.ts";

const tags = ["notifications"];

export function registerNotificationRoutes(app: FastifyInstance, ctx: NotificationsContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.primary;
  const openStreams: OpenStreams = new Set();
  app.addHook("preClose", async () => {
    for (const close of openStreams) close();
  });

  routes.get(
    "/api/v1/me/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My notifications, newest first, with the unread count",
        querystring: pageQuerySchema.extend({ unread: z.stringbool().optional() }),
        response: { 200: notificationPageSchema },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      // The social lists' keyset cursors: checked (a made-up one is a 400, not a 500), and exact
      // to the microsecond, so notifications made within one millisecond are not skipped.
      const { limit } = request.query;
      const rows = await listNotifications(db, userId, {
        limit,
        unreadOnly: request.query.unread ?? false,
        after: decodeKeyset(request.query.cursor),
      });
      return {
        ...pageFrom(rows, limit, presentNotification, (row) => ({ at: row.created_key, id: row.id })),
        unreadCount: await countUnreadNotifications(db, userId),
      };
    },
  );

  routes.post(
    "/api/v1/me/notifications/read",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Mark some (ids) or all of my notifications read",
        body: markNotificationsReadRequestSchema,
        response: { 200: z.object({ unreadCount: z.number().int() }) },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      await db.transaction().execute(async (trx) => {
        await markNotificationsRead(trx, userId, request.body.ids);
        await publishUserEvent(trx, { userId, type: "read" });
      });
      return { unreadCount: await countUnreadNotifications(db, userId) };
    },
  );

  routes.get(
    "/api/v1/me/notification-settings",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Which notifications also come by email",
        response: { 200: notificationSettingsSchema },
      },
    },
    async (request) => ({ emailKinds: await emailKindsOf(db, principalOf(request).userId) }),
  );

  routes.put(
    "/api/v1/me/notification-settings",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Choose which notifications also come by email",
        body: notificationSettingsSchema,
        response: { 200: notificationSettingsSchema },
      },
    },
    async (request) => {
      const emailKinds = [...new Set(request.body.emailKinds)];
      await saveEmailKinds(db, principalOf(request).userId, emailKinds);
      return { emailKinds };
    },
  );

  routes.get(
    "/api/v1/me/events",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Server-Sent Events of what happens to me: `notification`, `message` and `read` events (see UserEvent), " +
          "in every open tab, whichever API process serves it. At most " +
          `${MAX_STREAMS_PER_USER} streams per user across all API processes: a newer one ends the oldest. ` +
          "The server ends a stream with a last `closed` event (`reason`: `replaced`, `signed_out` when its " +
          "session or token is revoked or expires, `account_closed` when the account is suspended or deleted)",
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request);
      const stream = openEventStream(request, reply, openStreams);
      const guard = new SignInGuard(db, request, stream);
      const slot = new StreamSlot(db, ctx.logger, userId, stream);
      const send = (event: UserEvent) => stream.send(event.type, event);
      // Events are handled one after another, so they reach the page in the order they happened.
      let queue = Promise.resolve();
      const toEvent = async (signal: UserEventSignal): Promise<UserEvent | null> => {
        if (signal.type === "notification") {
          // As the list shows it: not if its content turned private, or its sender was blocked, since.
          const row = await findNotificationFor(db, signal.id, userId);
          if (!row) return null;
          const unreadCount = await countUnreadNotifications(db, userId);
          return { type: "notification", notification: presentNotification(row), unreadCount };
        }
        if (signal.type === "message") {
          const row = await findMessageFor(db, signal.id, userId);
          if (!row) return null;
          const unreadMessages = await countUnreadMessages(db, userId);
          return { type: "message", conversationId: row.conversation_id, message: presentMessage(row), unreadMessages };
        }
        if (signal.type !== "read") return null;
        const [unreadNotifications, unreadMessages] = await Promise.all([
          countUnreadNotifications(db, userId),
          countUnreadMessages(db, userId),
        ]);
        return { type: "read", unreadNotifications, unreadMessages };
      };
      const stop = await ctx.events.listen(userId, (signal) => {
        if (slot.hear(signal)) return;
        queue = queue
          .then(async () => ((await guard.endedBy(signal)) ? null : toEvent(signal)))
          .then((event) => {
            if (event && !stream.closed) send(event);
          })
          .catch((error: Error) => request.log.warn({ reason: error.message }, "could not deliver a user event"));
      });
      stream.onClose(stop);
      await slot.announce();
      // Revoked since the access check, and the end at its expiry.
      if (await guard.check()) return;
      // A first event with the current counts, so the page's badges are right from the start.
      const initial = await toEvent({ userId, type: "read" });
      if (initial) send(initial);
    },
  );
}
