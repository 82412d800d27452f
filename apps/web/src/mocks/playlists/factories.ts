import type { Takedown, Track, Visibility } from "@stave/contracts";
import { minutesAgo, mockId } from "../accounts/factories.ts";
import { MIRA } from "../tracks/factories.ts";

/** A playlist as the mocked server keeps it: its tracks by id, in play order. */
export type MockPlaylistRecord = {
  id: string;
  title: string;
  description: string | null;
  visibility: Visibility;
  owner: Track["owner"];
  trackIds: string[];
  createdAt: string;
  updatedAt: string;
  /** Set when a moderator took it down: then only its owner and moderators see it. */
  takedown?: Takedown | null;
};

type PlaylistRecordOverrides = Partial<MockPlaylistRecord> & {
  /** The playlist's tracks in order (instead of `trackIds`). */
  tracks?: readonly Pick<Track, "id">[];
};

/** A public playlist by Mira, empty unless given `tracks` (or `trackIds`); override whatever a case needs. */
export function buildPlaylistRecord({ tracks, ...overrides }: PlaylistRecordOverrides = {}): MockPlaylistRecord {
  const createdAt = overrides.createdAt ?? minutesAgo(60 * 24 * 2);
  return {
    id: mockId(),
    title: "Late Night Mix",
    description: "For the drive home.",
    visibility: "public",
    owner: MIRA,
    trackIds: tracks?.map((track) => track.id) ?? [],
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}
