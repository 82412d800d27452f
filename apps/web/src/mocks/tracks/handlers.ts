import { api, type PageQuery, type Track } from "@stave/contracts";
import { HttpResponse, type RequestHandler, sse } from "msw";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import { toSummary } from "./factories.ts";
import { resumableHandlersFor } from "./resumable.ts";
import type { MockTracksState } from "./state.ts";
import { receiveUpload } from "./upload.ts";

const notFound = () => errorResponse("NOT_FOUND", "Track not found");
const isFinal = (track: Track) => track.status === "ready" || track.status === "failed" || track.status === "hidden";

/** Keyset pagination as the server does it, with the position as an opaque cursor. */
function page(tracks: Track[], { limit, cursor }: PageQuery) {
  const start = Number(cursor ?? 0) || 0;
  const sorted = [...tracks].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const items = sorted.slice(start, start + limit);
  const nextCursor = start + limit < sorted.length ? String(start + limit) : null;
  return { items: items.map(toSummary), nextCursor };
}

const publicReady = (track: Track) => track.status === "ready" && track.visibility === "public";

/** The track the signed-in user owns, or the reply the server would give instead. */
function ownedTrack(state: MockTracksState, user: MockUser, id: string): Track | Response {
  const track = state.find(id);
  if (!track || !state.canSee(track)) return notFound();
  if (track.owner.id !== user.me.id && user.me.role !== "admin") {
    return errorResponse("FORBIDDEN", "Only the track's owner can change it");
  }
  return track;
}

/** A stand-in cover: two colours picked from the track id. */
function drawnArtwork(id: string): Response {
  const hue = [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 55%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 60% 25%)"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/></svg>`;
  return new HttpResponse(svg, { headers: { "Content-Type": "image/svg+xml" } });
}

/** The tracks operations, resumable uploads, streaming's stream URL and artwork, and the live status events. */
export function tracksHandlersFor(state: MockTracksState) {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.tracks.latest, ({ query }) => {
      state.advance();
      return page(state.tracks.filter(publicReady), query);
    }),

    handle(api.tracks.upload, ({ request, user }) => receiveUpload(state, user, request)),
    ...resumableHandlersFor(state),

    handle(api.tracks.mine, ({ query, user }) => {
      state.advance();
      return page(
        state.tracks.filter((track) => track.owner.id === user.me.id),
        query,
      );
    }),

    handle(api.tracks.byCreator, ({ params, query }) => {
      state.advance();
      const username = String(params.username);
      const owned = state.tracks.filter((track) => track.owner.username === username);
      const account = state.accounts.users.find((user) => user.me.username === username);
      if (!account && owned.length === 0) return errorResponse("NOT_FOUND", "User not found");
      const isMe = account !== undefined && account.me.id === state.currentUserId;
      return page(isMe ? owned : owned.filter(publicReady), query);
    }),

    handle(api.tracks.get, ({ params }) => {
      const track = state.find(String(params.id));
      return track && state.canSee(track) ? { track } : notFound();
    }),

    handle(api.tracks.update, ({ params, body, user }) => {
      const track = ownedTrack(state, user, String(params.id));
      if (track instanceof Response) return track;
      const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      Object.assign(track, changes, { updatedAt: new Date().toISOString() });
      return { track };
    }),

    handle(api.tracks.delete, ({ params, user }) => {
      const track = ownedTrack(state, user, String(params.id));
      if (track instanceof Response) return track;
      state.remove(track.id);
      return new HttpResponse(null, { status: 204 });
    }),

    handle(api.tracks.retry, ({ params, user }) => {
      const track = ownedTrack(state, user, String(params.id));
      if (track instanceof Response) return track;
      if (track.status !== "failed") return errorResponse("CONFLICT", "Only a failed track can be processed again");
      Object.assign(track, { status: "uploaded", progress: 0, failureReason: null });
      // The mocked worker gets it right the second time.
      state.startProcessing(track, "ready");
      return { track };
    }),

    handle(api.streaming.streamUrl, ({ request, params }) => {
      const track = state.find(String(params.id));
      if (!track || !state.canSee(track)) return notFound();
      if (track.status !== "ready") return errorResponse("TRACK_NOT_READY", "The track is still being processed");
      const expires = new Date(Date.now() + 60 * 60 * 1000);
      const url = new URL(
        `/media/mock-signature/${Math.floor(expires.getTime() / 1000)}/tracks/${track.id}/master.m3u8`,
        request.url,
      );
      return { url: url.href, expiresAt: expires.toISOString() };
    }),

    handle(api.streaming.artwork, ({ params }) => {
      const track = state.find(String(params.id));
      if (!track?.artworkUrl) return errorResponse("NOT_FOUND", "This track has no artwork");
      const uploaded = state.artwork.get(track.id);
      return uploaded
        ? new HttpResponse(uploaded, { headers: { "Content-Type": uploaded.type } })
        : drawnArtwork(track.id);
    }),

    ...statusEventsHandlers(state),
  ];
}

/**
 * The track's status events: live Server-Sent Events that follow the pretend worker until
 * the track is ready or failed. Only in a browser (Storybook): msw's sse() needs EventSource,
 * which jsdom has not, and tests substitute the app's events module to drive updates.
 */
function statusEventsHandlers(state: MockTracksState): RequestHandler[] {
  if (typeof EventSource === "undefined") return [];
  const events = sse<{ status: string }>(api.tracks.events.path, ({ client, params, request }) => {
    let last = "";
    const timer = setInterval(() => tick(), 250);
    const stop = () => clearInterval(timer);
    request.signal.addEventListener("abort", stop);
    function tick() {
      const track = state.find(String(params.id));
      if (!track || !state.canSee(track)) {
        stop();
        client.close();
        return;
      }
      const data = JSON.stringify(state.statusOf(track));
      if (data !== last) client.send({ event: "status", data });
      last = data;
      if (isFinal(track)) {
        stop();
        client.close();
      }
    }
    tick();
  });
  return [events];
}
