import { z } from "zod";
import { trackOwnerSchema, visibilitySchema } from "./tracks.ts";

export const playlistSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    visibility: visibilitySchema,
    trackCount: z.number().int(),
    /** Total length of the playlist's tracks that are playable, in milliseconds. */
    durationMs: z.number().int(),
    /** Artwork of the first tracks that have some (up to four), for a mosaic cover. */
    artworkUrls: z.array(z.string()),
    owner: trackOwnerSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PlaylistSummary" });
export type PlaylistSummary = z.infer<typeof playlistSummarySchema>;
