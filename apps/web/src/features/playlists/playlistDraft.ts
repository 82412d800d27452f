import { type CreatePlaylistRequest, createPlaylistRequestSchema, type Visibility } from "@stave/contracts";
import { type Validation, validate } from "../../lib/forms.ts";

/** A playlist's details as the form holds them. */
export type PlaylistDraft = { title: string; description: string; visibility: Visibility };

export const playlistDraftFields = ["title", "description", "visibility"] as const;
export type PlaylistDraftField = (typeof playlistDraftFields)[number];

export const emptyPlaylistDraft: PlaylistDraft = { title: "", description: "", visibility: "public" };

export const draftFromPlaylist = (playlist: {
  title: string;
  description: string | null;
  visibility: Visibility;
}): PlaylistDraft => ({
  title: playlist.title,
  description: playlist.description ?? "",
  visibility: playlist.visibility,
});

/** The request body, creating or editing alike: every field, an emptied description clearing it. */
export function requestFromDraft(draft: PlaylistDraft): Validation<CreatePlaylistRequest, PlaylistDraftField> {
  return validate(
    createPlaylistRequestSchema,
    { title: draft.title.trim(), description: draft.description.trim() || null, visibility: draft.visibility },
    playlistDraftFields,
  );
}
