import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errorMessage.ts";

export const AUDIO_FORMATS = "WAV, AIFF, FLAC, MP3, M4A or OGG";
export const AUDIO_ACCEPT = "audio/*,.wav,.aif,.aiff,.flac,.mp3,.m4a,.ogg";

/** Why an upload was refused, in the person's terms. */
export function uploadErrorMessage(error: unknown): string {
  return errorMessage(error, {
    UNSUPPORTED_MEDIA: `This isn't an audio file Stave can read. Upload ${AUDIO_FORMATS}.`,
    CREATOR_ROLE_REQUIRED: "Only creator accounts can upload tracks.",
    // FILE_TOO_LARGE and QUOTA_EXCEEDED keep the server's words: they name the limit.
  });
}

export const needsCreatorRole = (error: unknown) => error instanceof ApiError && error.code === "CREATOR_ROLE_REQUIRED";
