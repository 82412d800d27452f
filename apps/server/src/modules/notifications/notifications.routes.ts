import { api, type UserEvent } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { publishUserEvent, type UserEventSignal } from "../../platform/events/user-events.ts";
import { principalOf } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { serve } from "../../platform/http/operations.ts";
import { type OpenStreams, openEventStream } from "../../platform/http/sse.ts";
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
import { SignInGuard, StreamSlot } from "./user-streams.ts";

export function registerNotificationRoutes(app: FastifyInstance, ctx: NotificationsContext) {
  const notifications = api.notifications;
  const db = ctx.database.primary;
  const openStreams: OpenStreams = new Set();
  app.addHook("preClose", async () => {
    for (const close of openStreams) close();
  });

  serve(app, notifications.list, async (request) => {
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
  });

  serve(app, notifications.markRead, async (request) => {
    const { userId } = principalOf(request);
    await db.transaction().execute(async (trx) => {
      await markNotificationsRead(trx, userId, request.body.ids);
      await publishUserEvent(trx, { userId, type: "read" });
    });
    return { unreadCount: await countUnreadNotifications(db, userId) };
  });

  serve(app, notifications.settings, async (request) => ({
    emailKinds: await emailKindsOf(db, principalOf(request).userId),
  }));

  serve(app, notifications.updateSettings, async (request) => {
    const emailKinds = [...new Set(request.body.emailKinds)];
    await saveEmailKinds(db, principalOf(request).userId, emailKinds);
    return { emailKinds };
  });

  serve(app, notifications.events, async (request, reply) => {
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
      if (signal.type === "message") return ctx.messages.eventFor(signal.id, userId);
      if (signal.type !== "read") return null;
      const [unreadNotifications, unreadMessages] = await Promise.all([
        countUnreadNotifications(db, userId),
        ctx.messages.countUnread(userId),
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
  });
}
