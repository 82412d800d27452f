import { api, type PageQuery, type PlaylistPage } from "@stave/contracts";
import { HttpResponse } from "msw";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
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
    case "PLAYLIST_ORDER_MISMATCH":
      return errorResponse(
        "PLAYLIST_ORDER_MISMATCH",
        "The new order must list exactly the playlist's current tracks, each once; reload the playlist and try again",
        { details: { missing: refusal.missing, unexpected: refusal.unexpected } },
      );
  }
}

/** One page from the offset in `cursor`, newest first as the server orders them. */
function page(state: MockPlaylistsState, playlists: MockPlaylistRecord[], query: PageQuery): PlaylistPage {
  const start = Number(query.cursor ?? 0) || 0;
  const end = start + query.limit;
  return {
    items: playlists.slice(start, end).map((playlist) => state.summaryOf(playlist, state.currentUserId)),
    nextCursor: end < playlists.length ? String(end) : null,
  };
}

/** The `api.playlists` operations: playlists, mine and a user's public ones, with the server's 404 and 409 rules. */
export function playlistsHandlersFor(state: MockPlaylistsState) {
  const accounts = state.tracks.accounts;
  const handle = mockOperations(accounts);

  const detail = (playlist: MockPlaylistRecord) => ({ playlist: state.detailOf(playlist, state.currentUserId) });

  /** The signed-in user's playlist `id` changed by `change`, or the reply the server gives instead (404 for anyone else's). */
  function changeOwned(
    user: MockUser,
    id: string,
    change: (playlist: MockPlaylistRecord) => TrackChangeRefusal | undefined,
  ) {
    const playlist = state.findOwned(id, user.me.id);
    if (!playlist) return playlistNotFound();
    const refusal = change(playlist);
    return refusal ? refused(refusal) : detail(playlist);
  }

  return [
    handle(api.playlists.create, ({ body, user }) => {
      const { title, description, visibility } = body;
      const owner = { id: user.me.id, username: user.me.username, displayName: user.me.profile.displayName };
      return detail(state.create(owner, { title, description: description ?? null, visibility }));
    }),

    handle(api.playlists.get, ({ params }) => {
      const playlist = state.findVisible(String(params.id), state.currentUserId);
      return playlist ? detail(playlist) : playlistNotFound();
    }),

    handle(api.playlists.update, ({ params, body, user }) =>
      changeOwned(user, String(params.id), (playlist) => {
        state.update(playlist, body);
        return undefined;
      }),
    ),

    handle(api.playlists.delete, ({ params, user }) => {
      const playlist = state.findOwned(String(params.id), user.me.id);
      if (!playlist) return playlistNotFound();
      state.remove(playlist);
      return new HttpResponse(null, { status: 204 });
    }),

    handle(api.playlists.addTrack, ({ params, body, user }) =>
      changeOwned(user, String(params.id), (playlist) => state.addTrack(playlist, body.trackId)),
    ),

    handle(api.playlists.removeTrack, ({ params, user }) =>
      changeOwned(user, String(params.id), (playlist) => state.removeTrack(playlist, String(params.trackId))),
    ),

    handle(api.playlists.reorder, ({ params, body, user }) =>
      changeOwned(user, String(params.id), (playlist) => state.reorder(playlist, body.trackIds)),
    ),

    handle(api.playlists.mine, ({ query, user }) =>
      page(state, state.ownedBy(user.me.id, ["public", "unlisted", "private"]), query),
    ),

    handle(api.playlists.ofUser, ({ params, query }) => {
      const username = String(params.username);
      // Mocked creators such as Mira own tracks and playlists without an account to sign in with.
      const owner =
        accounts.users.find((candidate) => candidate.me.username === username)?.me ??
        state.tracks.tracks.find((track) => track.owner.username === username)?.owner ??
        state.playlists.find((playlist) => playlist.owner.username === username)?.owner;
      if (!owner) return errorResponse("NOT_FOUND", "User not found");
      return page(state, state.ownedBy(owner.id, ["public"]), query);
    }),
  ];
}
