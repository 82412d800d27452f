import { randomUUID } from "node:crypto";
import type { Visibility } from "@stave/contracts";
import { insertTrack } from "../src/modules/tracks/tracks.repo.ts";
import type { Database } from "../src/platform/db/database.ts";

export interface CatalogTrack {
  title: string;
  description?: string;
  genre?: string;
  tags?: string[];
  artist?: string;
  visibility?: Visibility;
  playCount?: number;
  createdAt?: Date;
  status?: "processing" | "ready";
  durationMs?: number;
}

/**
 * A track as it is once processed, straight into the database: for tests about finding and
 * listing tracks, which need no audio.
 */
export async function insertReadyTrack(database: Database, ownerId: string, track: CatalogTrack | string) {
  const fields = typeof track === "string" ? { title: track } : track;
  const id = randomUUID();
  await insertTrack(database.primary, {
    id,
    ownerId,
    title: fields.title,
    slug: `${fields.title.toLowerCase().replace(/\W+/g, "-")}-${id.slice(0, 8)}`,
    description: fields.description ?? null,
    genre: fields.genre ?? null,
    tags: fields.tags ?? [],
    visibility: fields.visibility ?? "public",
    downloadable: false,
    license: null,
    releaseDate: null,
    originalKey: `tracks/${id}/original`,
    originalFormat: "wav",
    originalSize: 1000,
    originalFilename: "tone.wav",
    artworkSourceKey: null,
    artist: fields.artist ?? null,
    album: null,
  });
  await database.primary
    .updateTable("tracks")
    .set({
      status: fields.status ?? "ready",
      progress: 100,
      play_count: fields.playCount ?? 0,
      ...(fields.durationMs !== undefined && { duration_ms: fields.durationMs }),
      ...(fields.createdAt ? { created_at: fields.createdAt } : {}),
    })
    .where("id", "=", id)
    .execute();
  return id;
}
