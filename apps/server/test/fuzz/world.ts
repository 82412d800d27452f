import type { FuzzIds } from "./generate.ts";
import type { FuzzCredentials } from "./send.ts";
import { tinyWav } from "./values.ts";

/**
 * Makes real things for the fuzzer's path parameters to point at, through the API as a
 * client would: a track (uploaded, plus one already processed if given), a playlist, a
 * comment, a conversation with a message, a play, a report, a half-done resumable upload, and
 * the listener's sessions. Each step that fails is named
 * in `missing`, so a run can tell that it went shallower than it meant to.
 */
export async function seedFuzzWorld(
  baseUrl: string,
  creator: FuzzCredentials,
  listener: FuzzCredentials,
  options: { readyTrackId?: string } = {},
): Promise<{ ids: FuzzIds; missing: string[] }> {
  const missing: string[] = [];
  const ids: FuzzIds = {};
  const add = (collection: string, id: unknown) => {
    if (typeof id === "string") ids[collection] = [...(ids[collection] ?? []), id];
  };
  const call = async (who: FuzzCredentials, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: who.cookie,
        "x-csrf-token": who.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as Record<string, Record<string, unknown>> | null;
    if (!response.ok) missing.push(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json ?? {};
  };

  for (const who of [creator, listener]) {
    const me = await call(who, "GET", "/api/v1/users/me");
    const user = (me.user ?? me) as Record<string, unknown>;
    // Only the listener is a target of admin actions: a suspended or demoted creator would
    // turn the rest of the run into 401s and 403s.
    if (who === listener) add("users", user.id);
    add("usernames", user.username);
  }
  const form = new FormData();
  form.set("title", "Fuzz seed");
  form.set("file", new Blob([new Uint8Array(tinyWav(8000))]), "seed.wav");
  const uploaded = await fetch(`${baseUrl}/api/v1/tracks`, {
    method: "POST",
    headers: { cookie: creator.cookie, "x-csrf-token": creator.csrfToken },
    body: form,
  });
  if (uploaded.status !== 201) missing.push(`upload: ${uploaded.status} ${await uploaded.text()}`);
  else add("tracks", ((await uploaded.json()) as { track: { id: string } }).track.id);
  const trackId = options.readyTrackId ?? ids.tracks?.[0];
  if (options.readyTrackId) add("tracks", options.readyTrackId);
  if (!trackId) return { ids, missing };

  const playlist = await call(creator, "POST", "/api/v1/playlists", { title: "Fuzz seed", visibility: "public" });
  add("playlists", playlist.playlist?.id);
  if (playlist.playlist?.id)
    await call(creator, "POST", `/api/v1/playlists/${playlist.playlist.id}/tracks`, { trackId });
  const comment = await call(listener, "POST", `/api/v1/tracks/${trackId}/comments`, { body: "Nice", timestampMs: 10 });
  add("comments", comment.comment?.id);
  const conversation = await call(creator, "POST", "/api/v1/conversations", {
    username: ids.usernames?.[1],
    body: "Hello",
  });
  const conversationId = conversation.conversation?.id ?? conversation.id;
  add("conversations", conversationId);
  if (typeof conversationId === "string") {
    const message = await call(creator, "POST", `/api/v1/conversations/${conversationId}/messages`, { body: "Again" });
    add("messages", message.message?.id ?? message.id);
  }
  const play = await call(creator, "POST", `/api/v1/tracks/${trackId}/plays`);
  add("plays", play.playId ?? play.play?.id);
  const report = await call(listener, "POST", "/api/v1/reports", {
    subjectType: "track",
    subjectId: trackId,
    category: "spam",
    reason: "Fuzz seed",
  });
  add("reports", report.report?.id ?? report.id);
  // A resumable upload left half-done, for PATCH and DELETE to aim at.
  const resumable = await fetch(`${baseUrl}/api/v1/uploads`, {
    method: "POST",
    headers: {
      cookie: creator.cookie,
      "x-csrf-token": creator.csrfToken,
      "tus-resumable": "1.0.0",
      "upload-length": "16044",
      "upload-metadata": `filename ${Buffer.from("seed.wav").toString("base64")}`,
    },
  });
  const location = resumable.headers.get("location");
  if (resumable.status !== 201 || !location) missing.push(`POST /api/v1/uploads: ${resumable.status}`);
  else add("uploads", location.split("/").pop());
  const sessions = await call(listener, "GET", "/api/v1/users/me/sessions");
  for (const session of (sessions.items as unknown as { id: string }[] | undefined) ?? []) add("sessions", session.id);
  return { ids, missing };
}
