import {
  type TrackSummary,
  type UpdateTrackRequest,
  type UploadFields,
  updateTrackRequestSchema,
  uploadFieldsSchema,
  type Visibility,
} from "@stave/contracts";
import { type Validation, validate } from "../../lib/forms.ts";

/** A track's editable details as the form holds them: text boxes, a select and a checkbox. */
export type TrackDraft = {
  title: string;
  description: string;
  genre: string;
  /** Comma-separated, as typed. */
  tags: string;
  visibility: Visibility;
  downloadable: boolean;
  license: string;
};

export const draftFields = ["title", "description", "genre", "tags", "visibility", "downloadable", "license"] as const;
export type DraftField = (typeof draftFields)[number];

export const emptyDraft: TrackDraft = {
  title: "",
  description: "",
  genre: "",
  tags: "",
  visibility: "public",
  downloadable: false,
  license: "",
};

export function draftFromTrack(track: TrackSummary): TrackDraft {
  return {
    title: track.title,
    description: track.description ?? "",
    genre: track.genre ?? "",
    tags: track.tags.join(", "),
    visibility: track.visibility,
    downloadable: track.downloadable,
    license: track.license ?? "",
  };
}

const splitTags = (tags: string) =>
  tags
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);

export type UploadTextFields = Partial<Record<keyof UploadFields, string>>;

/**
 * The upload's text fields: only what the person filled in, so the server takes the
 * rest (title, genre…) from the file's tags.
 */
export function uploadFieldsFromDraft(draft: TrackDraft): Validation<UploadTextFields, DraftField> {
  const fields: UploadTextFields = {
    visibility: draft.visibility,
    downloadable: draft.downloadable ? "true" : "false",
  };
  const text = { title: draft.title, description: draft.description, genre: draft.genre, license: draft.license };
  for (const [name, value] of Object.entries(text)) {
    if (value.trim() !== "") fields[name as keyof typeof text] = value.trim();
  }
  const tags = splitTags(draft.tags);
  if (tags.length > 0) fields.tags = tags.join(",");
  const checked = validate(uploadFieldsSchema, fields, draftFields);
  return checked.ok ? { ok: true, data: fields } : checked;
}

/** The PATCH body: every field, an emptied box clearing it. */
export function updateFromDraft(draft: TrackDraft): Validation<UpdateTrackRequest, DraftField> {
  const orNull = (value: string) => value.trim() || null;
  return validate(
    updateTrackRequestSchema,
    {
      title: draft.title.trim(),
      description: orNull(draft.description),
      genre: orNull(draft.genre),
      tags: splitTags(draft.tags),
      visibility: draft.visibility,
      downloadable: draft.downloadable,
      license: orNull(draft.license),
    },
    draftFields,
  );
}
