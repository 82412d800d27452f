import { isCreatorTier, type Track, uploadFieldsSchema } from "@stave/contracts";
import { HttpResponse } from "msw";
import { mockId } from "../accounts/factories.ts";
import { requireUser } from "../accounts/guards.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import type { MockAudioTags } from "./factories.ts";
import type { MockTracksState } from "./state.ts";

const AUDIO_EXTENSIONS = /\.(wav|aiff?|flac|mp3|m4a|ogg)$/i;

type FilePart = { name: string; type: string; size: number; text: () => Promise<string> };

// Duck-typed: in tests the parts arrive as Node's File, not the page's File class.
function asFile(value: FormDataEntryValue | null): FilePart | null {
  return value !== null && typeof value === "object" && "size" in value ? (value as unknown as FilePart) : null;
}

const isAudio = (file: FilePart) => file.type.startsWith("audio/") || AUDIO_EXTENSIONS.test(file.name);

/** The mock's "tag reader": `KEY=value` lines at the start of the file (see buildAudioFile). */
async function readTags(file: FilePart): Promise<MockAudioTags & { corrupt: boolean }> {
  const head = file.size > 64 * 1024 ? "" : await file.text();
  const tags = Object.fromEntries(
    head
      .split("\n")
      .map((line) => line.match(/^([A-Z]+)=(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [String(match[1]).toLowerCase(), String(match[2]).trim()]),
  );
  return { ...tags, corrupt: tags.corrupt === "1" };
}

const titleFromName = (name: string) =>
  name === "blob" ? "Untitled track" : name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ") || "Untitled track";

const slugify = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "track";

/** POST /api/v1/tracks as the server answers it, with the same checks in the same order. */
export async function receiveUpload(state: MockTracksState, request: Request): Promise<Response> {
  const user = requireUser(state.accounts, request);
  if (user instanceof Response) return user;
  if (!isCreatorTier(user.me.role)) {
    return errorResponse("CREATOR_ROLE_REQUIRED", "Only creator accounts can upload tracks.");
  }
  const form = await request.formData().catch(() => null);
  const file = asFile(form?.get("file") ?? null);
  if (!form || !file) return validationFailed([{ path: ["file"], message: "Attach the audio file in `file`" }]);
  if (file.size > state.maxUploadBytes) {
    const limit = Math.round(state.maxUploadBytes / (1024 * 1024));
    return errorResponse("FILE_TOO_LARGE", `The file is larger than the ${limit} MB limit`);
  }
  if (state.usedBytes(user.me.id) + file.size > state.quotaBytes) {
    return errorResponse("QUOTA_EXCEEDED", "This upload would go over your storage quota; delete some tracks first");
  }
  if (!isAudio(file)) {
    return errorResponse("UNSUPPORTED_MEDIA", "This file is not an audio format we can read");
  }
  const textFields = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const fields = uploadFieldsSchema.safeParse(textFields);
  if (!fields.success) return validationFailed(fields.error.issues);

  const tags = await readTags(file);
  const now = new Date().toISOString();
  const title = fields.data.title ?? tags.title ?? titleFromName(file.name);
  const id = mockId();
  const artwork = asFile(form.get("artwork"));
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
    artworkUrl: artwork ? `/api/v1/tracks/${id}/artwork/large` : null,
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
  if (artwork) state.artwork.set(id, artwork as unknown as Blob);
  state.startProcessing(track, tags.corrupt ? "failed" : "ready");
  return HttpResponse.json({ track }, { status: 201 });
}
