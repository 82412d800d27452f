import {
  addPlaylistTrackRequestSchema,
  createPlaylistRequestSchema,
  pageQuerySchema,
  playlistTrackLimit,
  reorderPlaylistRequestSchema,
  updatePlaylistRequestSchema,
} from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { readJson, requireUser } from "../accounts/guards.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import type { MockPlaylistRecord } from "./factories.ts";
import type { MockPlaylistsState, TrackChangeRefusal } from "./state.ts";

const playlistNotFound = () => errorResponse("NOT_FOUND", "Playlist not found");

/** The reply the server gives for each refusal. */
function refused(refusal: TrackChangeRefusal): Response {
  switch (refusal.code) {
    case "TRACK_NOT_FOUND":
      return errorResponse("NOT_FOUND", "Track not found");
    case "NOT_IN_PLAYLIST":
      return errorResponse("NOT_FOUND", "This track is not in the playlist");
    case "TRACK_ALREADY_IN_PLAYLIST":
      return errorResponse("TRACK_ALREADY_IN_PLAYLIST", "This track is already in the playlist");
    case "PLAYLIST_FULL":
      return errorResponse("PLAYLIST_FULL", `A playlist holds at most ${playlistTrackLimit} tracks`, {
        details: { limit: playlistTrackLimit },
      });
    case "PLAYLIST_ORDER_MISMATCH":
      return errorResponse(
        "PLAYLIST_ORDER_MISMATCH",
        "The new order must list exactly the playlist's current tracks, each once; reload the playlist and try again",
        { details: { missing: refusal.missing, unexpected: refusal.unexpected } },
      );
  }
}

/** One page from the offset in `cursor`, newest first as the server orders them. */
function page(state: MockPlaylistsState, playlists: MockPlaylistRecord[], request: Request) {
  const parsed = pageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const start = Number(parsed.data.cursor ?? 0) || 0;
  const end = start + parsed.data.limit;
  return HttpResponse.json({
    items: playlists.slice(start, end).map((playlist) => state.summaryOf(playlist, state.currentUserId)),
    nextCursor: end < playlists.length ? String(end) : null,
  });
}

/** /api/v1/playlists/*, my playlists and a user's public ones, with the server's 404 and 409 rules. */
export function playlistsHandlersFor(state: MockPlaylistsState) {
  const accounts = state.tracks.accounts;

  /** The signed-in user's playlist `id`, or the reply the server gives instead (404 for anyone else's). */
  function owned(request: Request, id: string): { playlist: MockPlaylistRecord; ownerId: string } | Response {
    const user = requireUser(accounts, request);
    if (user instanceof Response) return user;
    const playlist = state.findOwned(id, user.me.id);
    return playlist ? { playlist, ownerId: user.me.id } : playlistNotFound();
  }

  const reply = (playlist: MockPlaylistRecord, status = 200) =>
    HttpResponse.json({ playlist: state.detailOf(playlist, state.currentUserId) }, { status });

  return [
    http.post("/api/v1/playlists", async ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const parsed = createPlaylistRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { title, description, visibility } = parsed.data;
      const owner = { id: user.me.id, username: user.me.username, displayName: user.me.profile.displayName };
      return reply(state.create(owner, { title, description: description ?? null, visibility }), 201);
    }),

    http.get("/api/v1/playlists/:id", ({ params }) => {
      const playlist = state.findVisible(String(params.id), state.currentUserId);
      return playlist ? reply(playlist) : playlistNotFound();
    }),

    http.patch("/api/v1/playlists/:id", async ({ request, params }) => {
      const found = owned(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = updatePlaylistRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      state.update(found.playlist, parsed.data);
      return reply(found.playlist);
    }),

    http.delete("/api/v1/playlists/:id", ({ request, params }) => {
      const found = owned(request, String(params.id));
      if (found instanceof Response) return found;
      state.remove(found.playlist);
      return new HttpResponse(null, { status: 204 });
    }),

    http.post("/api/v1/playlists/:id/tracks", async ({ request, params }) => {
      const found = owned(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = addPlaylistTrackRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const refusal = state.addTrack(found.playlist, parsed.data.trackId);
      return refusal ? refused(refusal) : reply(found.playlist, 201);
    }),

    http.delete("/api/v1/playlists/:id/tracks/:trackId", ({ request, params }) => {
      const found = owned(request, String(params.id));
      if (found instanceof Response) return found;
      const refusal = state.removeTrack(found.playlist, String(params.trackId));
      return refusal ? refused(refusal) : reply(found.playlist);
    }),

    http.put("/api/v1/playlists/:id/order", async ({ request, params }) => {
      const found = owned(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = reorderPlaylistRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const refusal = state.reorder(found.playlist, parsed.data.trackIds);
      return refusal ? refused(refusal) : reply(found.playlist);
    }),

    http.get("/api/v1/me/playlists", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      return page(state, state.ownedBy(user.me.id, ["public", "unlisted", "private"]), request);
    }),

    http.get("/api/v1/users/:username/playlists", ({ request, params }) => {
      const username = String(params.username);
      // Mocked creators such as Mira own tracks and playlists without an account to sign in with.
      const owner =
        accounts.users.find((user) => user.me.username === username)?.me ??
        state.tracks.tracks.find((track) => track.owner.username === username)?.owner ??
        state.playlists.find((playlist) => playlist.owner.username === username)?.owner;
      if (!owner) return errorResponse("NOT_FOUND", "User not found");
      return page(state, state.ownedBy(owner.id, ["public"]), request);
    }),
  ];
}
