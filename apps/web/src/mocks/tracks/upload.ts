import { api, operationPath, type Track, uploadFieldsSchema } from "@stave/contracts";
import { HttpResponse } from "msw";
import { mockId } from "../accounts/factories.ts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import type { MockAudioTags } from "./factories.ts";
import type { MockTracksState } from "./state.ts";

const AUDIO_EXTENSIONS = /\.(wav|aiff?|flac|mp3|m4a|ogg)$/i;

type FilePart = { name: string; type: string; size: number; text: () => Promise<string> };

// Duck-typed: in tests the parts arrive as Node's File, not the page's File class.
function asFile(value: FormDataEntryValue | null): FilePart | null {
  return value !== null && typeof value === "object" && "size" in value ? (value as unknown as FilePart) : null;
}

const isAudio = (file: { name: string; type: string }) =>
  file.type.startsWith("audio/") || AUDIO_EXTENSIONS.test(file.name);

/** The mock's "tag reader": `KEY=value` lines at the start of the file (see buildAudioFile). */
function readTags(head: string): MockAudioTags & { corrupt: boolean } {
  const tags = Object.fromEntries(
    head
      .split("\n")
      .map((line) => line.match(/^([A-Z]+)=(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [String(match[1]).toLowerCase(), String(match[2]).trim()]),
  );
  return { ...tags, corrupt: tags.corrupt === "1" };
}

/** Files larger than this have no tags the mock reads (they are padding). */
export const TAGS_READ_LIMIT = 64 * 1024;

const titleFromName = (name: string) =>
  name === "blob" ? "Untitled track" : name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ") || "Untitled track";

const slugify = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "track";

export const quotaExceeded = () =>
  errorResponse("QUOTA_EXCEEDED", "This upload would go over your storage quota; delete some tracks first");

/** A received upload, however it came (multipart or resumable). */
export type ReceivedUpload = {
  file: { name: string; type: string; size: number };
  /** The file's text when it is small enough to read tags from, else "". */
  head: string;
  /** The text fields, as sent. */
  fields: Record<string, string>;
  artwork: Blob | null;
};

/**
 * The server's ingest, shared by both upload paths, with the same checks in the same
 * order: size, quota, audio, fields. Answers 201 `{track}` or the error envelope.
 */
export function ingestUpload(state: MockTracksState, user: MockUser, received: ReceivedUpload): Response {
  const { file, artwork } = received;
  if (file.size > state.maxUploadBytes) {
    const limit = Math.round(state.maxUploadBytes / (1024 * 1024));
    return errorResponse("FILE_TOO_LARGE", `The file is larger than the ${limit} MB limit`);
  }
  if (state.usedBytes(user.me.id) + file.size > state.quotaBytes) return quotaExceeded();
  if (!isAudio(file)) {
    return errorResponse("UNSUPPORTED_MEDIA", "This file is not an audio format we can read");
  }
  const fields = uploadFieldsSchema.safeParse(received.fields);
  if (!fields.success) return validationFailed(fields.error.issues);

  const tags = readTags(received.head);
  const now = new Date().toISOString();
  const title = fields.data.title ?? tags.title ?? titleFromName(file.name);
  const id = mockId();
  const track: Track = {
    id,
    slug: slugify(title),
    title,
    description: fields.data.description ?? null,
    genre: fields.data.genre ?? tags.genre ?? null,
    tags: fields.data.tags ?? [],
    visibility: fields.data.visibility,
    downloadable: fields.data.downloadable ?? false,
    license: fields.data.license ?? null,
    releaseDate: fields.data.releaseDate ?? null,
    status: "uploaded",
    progress: 0,
    failureReason: null,
    durationMs: null,
    loudness: null,
    artworkUrl: artwork ? operationPath(api.streaming.artwork.path, { id, size: "large" }) : null,
    artist: tags.artist ?? user.me.profile.displayName,
    album: tags.album ?? null,
    playCount: 0,
    owner: { id: user.me.id, username: user.me.username, displayName: user.me.profile.displayName },
    createdAt: now,
    updatedAt: now,
    waveform: null,
  };
  state.tracks.unshift(track);
  state.sizes.set(id, file.size);
  if (artwork) state.artwork.set(id, artwork);
  state.startProcessing(track, tags.corrupt ? "failed" : "ready");
  return HttpResponse.json({ track }, { status: 201 });
}

/** The multipart upload (`api.tracks.upload`) of a signed-in creator, as the server answers it. */
export async function receiveUpload(state: MockTracksState, user: MockUser, request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const file = asFile(form?.get("file") ?? null);
  if (!form || !file) return validationFailed([{ path: ["file"], message: "Attach the audio file in `file`" }]);
  const fields = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const artwork = asFile(form.get("artwork"));
  return ingestUpload(state, user, {
    file,
    head: file.size > TAGS_READ_LIMIT ? "" : await file.text(),
    fields,
    artwork: artwork as unknown as Blob | null,
  });
}
