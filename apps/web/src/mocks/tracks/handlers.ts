import { type Track, updateTrackRequestSchema } from "@stave/contracts";
import { HttpResponse, http, sse } from "msw";
import { readJson, requireUser } from "../accounts/guards.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import { toSummary } from "./factories.ts";
import { resumableHandlersFor } from "./resumable.ts";
import type { MockTracksState } from "./state.ts";
import { receiveUpload } from "./upload.ts";

const noContent = () => new HttpResponse(null, { status: 204 });
const notFound = () => errorResponse("NOT_FOUND", "Track not found");
const isFinal = (track: Track) => track.status === "ready" || track.status === "failed" || track.status === "hidden";

/** Keyset pagination as the server does it, with the position as an opaque cursor. */
function page(tracks: Track[], request: Request) {
  const query = new URL(request.url).searchParams;
  const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 20) || 20));
  const start = Number(query.get("cursor") ?? 0) || 0;
  const sorted = [...tracks].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const items = sorted.slice(start, start + limit);
  const nextCursor = start + limit < sorted.length ? String(start + limit) : null;
  return HttpResponse.json({ items: items.map(toSummary), nextCursor });
}

const publicReady = (track: Track) => track.status === "ready" && track.visibility === "public";

/** The track the signed-in user owns, or the reply the server would give instead. */
function ownedTrack(state: MockTracksState, request: Request, id: string): Track | Response {
  const user = requireUser(state.accounts, request);
  if (user instanceof Response) return user;
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

/** /api/v1/tracks/*, resumable uploads, the creators' lists, streaming and the live status events. */
export function tracksHandlersFor(state: MockTracksState) {
  return [
    http.get("/api/v1/tracks", ({ request }) => {
      state.advance();
      return page(state.tracks.filter(publicReady), request);
    }),

    http.post("/api/v1/tracks", ({ request }) => receiveUpload(state, request)),
    ...resumableHandlersFor(state),

    http.get("/api/v1/users/me/tracks", ({ request }) => {
      const user = requireUser(state.accounts, request);
      if (user instanceof Response) return user;
      state.advance();
      return page(
        state.tracks.filter((track) => track.owner.id === user.me.id),
        request,
      );
    }),

    http.get("/api/v1/users/:username/tracks", ({ request, params }) => {
      state.advance();
      const username = String(params.username);
      const owned = state.tracks.filter((track) => track.owner.username === username);
      const account = state.accounts.users.find((user) => user.me.username === username);
      if (!account && owned.length === 0) return errorResponse("NOT_FOUND", "User not found");
      const isMe = account !== undefined && account.me.id === state.currentUserId;
      return page(isMe ? owned : owned.filter(publicReady), request);
    }),

    http.get("/api/v1/tracks/:id", ({ params }) => {
      const track = state.find(String(params.id));
      return track && state.canSee(track) ? HttpResponse.json({ track }) : notFound();
    }),

    http.patch("/api/v1/tracks/:id", async ({ request, params }) => {
      const track = ownedTrack(state, request, String(params.id));
      if (track instanceof Response) return track;
      const parsed = updateTrackRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
      Object.assign(track, changes, { updatedAt: new Date().toISOString() });
      return HttpResponse.json({ track });
    }),

    http.delete("/api/v1/tracks/:id", ({ request, params }) => {
      const track = ownedTrack(state, request, String(params.id));
      if (track instanceof Response) return track;
      state.remove(track.id);
      return noContent();
    }),

    http.post("/api/v1/tracks/:id/retry", ({ request, params }) => {
      const track = ownedTrack(state, request, String(params.id));
      if (track instanceof Response) return track;
      if (track.status !== "failed") return errorResponse("CONFLICT", "Only a failed track can be processed again");
      Object.assign(track, { status: "uploaded", progress: 0, failureReason: null });
      // The mocked worker gets it right the second time.
      state.startProcessing(track, "ready");
      return HttpResponse.json({ track }, { status: 202 });
    }),

    http.get("/api/v1/tracks/:id/stream", ({ request, params }) => {
      const track = state.find(String(params.id));
      if (!track || !state.canSee(track)) return notFound();
      if (track.status !== "ready") return errorResponse("TRACK_NOT_READY", "The track is still being processed");
      const expires = new Date(Date.now() + 60 * 60 * 1000);
      const url = new URL(
        `/media/mock-signature/${Math.floor(expires.getTime() / 1000)}/tracks/${track.id}/master.m3u8`,
        request.url,
      );
      return HttpResponse.json({ url: url.href, expiresAt: expires.toISOString() });
    }),

    http.get("/api/v1/tracks/:id/artwork/:size", ({ params }) => {
      const track = state.find(String(params.id));
      if (!track?.artworkUrl) return errorResponse("NOT_FOUND", "This track has no artwork");
      const uploaded = state.artwork.get(track.id);
      return uploaded
        ? new HttpResponse(uploaded, { headers: { "Content-Type": uploaded.type } })
        : drawnArtwork(track.id);
    }),

    statusEventsHandler(state),
  ];
}

const sseFrame = (data: string) => `event: status\ndata: ${data}\n\n`;

/**
 * GET /api/v1/tracks/:id/events. In a browser (Storybook), live Server-Sent Events that
 * follow the pretend worker until the track is ready or failed. Where there is no
 * EventSource (Node), MSW cannot build that handler: the reply is then the current status
 * as one event, and tests substitute the app's events module to drive updates.
 */
function statusEventsHandler(state: MockTracksState) {
  if (typeof EventSource === "undefined") {
    return http.get("/api/v1/tracks/:id/events", ({ params }) => {
      const track = state.find(String(params.id));
      if (!track || !state.canSee(track)) return notFound();
      return new HttpResponse(sseFrame(JSON.stringify(state.statusOf(track))), {
        headers: { "Content-Type": "text/event-stream" },
      });
    });
  }
  return sse<{ status: string }>("/api/v1/tracks/:id/events", ({ client, params, request }) => {
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
}
