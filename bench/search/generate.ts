// Rows for bench/search, made deterministically in batches: creators, their tracks and
// playlists. Columns are parallel arrays, ready for INSERT … SELECT FROM unnest(…).
import { slugify } from "../../apps/server/src/modules/tracks/slug.ts";
import {
  buildTags,
  capitalize,
  createRandom,
  GENRES,
  makeDisplayName,
  type Random,
  usernameBase,
  type Vocabulary,
  zipfSampler,
} from "./data.ts";

/** The catalogue's "now": fixed, so the same seed makes the same rows whenever it runs. */
export const ANCHOR = Date.parse("2026-11-01T00:00:00Z");
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

export interface Creators {
  ids: string[];
  usernames: string[];
  emails: string[];
  displayNames: string[];
  createdAt: string[];
}

export function generateCreators(count: number, vocabulary: Vocabulary): Creators {
  const random = createRandom("stave-bench-creators");
  const taken = new Map<string, number>();
  const creators: Creators = { ids: [], usernames: [], emails: [], displayNames: [], createdAt: [] };
  for (let i = 0; i < count; i++) {
    const displayName = makeDisplayName(random, vocabulary);
    const base = usernameBase(random, displayName);
    const seen = taken.get(base) ?? 0;
    taken.set(base, seen + 1);
    let username = seen === 0 ? base : `${base}${seen + 1}`;
    while (taken.has(username) && username !== base) username = `${base}${random.int(100, 999_999)}`;
    if (username !== base) taken.set(username, 1);
    creators.ids.push(random.uuid());
    creators.usernames.push(username);
    creators.emails.push(`${username}@bench.example`);
    creators.displayNames.push(displayName);
    creators.createdAt.push(new Date(ANCHOR - 6 * YEAR_MS + random.float() * 5.9 * YEAR_MS).toISOString());
  }
  return creators;
}

export interface TrackBatch {
  id: string[];
  owner_id: string[];
  title: string[];
  slug: string[];
  description: (string | null)[];
  genre: (string | null)[];
  /** Joined with "|": unnest cannot take a ragged text[][]. */
  tags: string[];
  visibility: string[];
  original_key: string[];
  original_format: string[];
  original_size: number[];
  original_filename: string[];
  hls_prefix: string[];
  duration_ms: number[];
  loudness_lufs: number[];
  true_peak_dbtp: number[];
  artist: (string | null)[];
  album: (string | null)[];
  play_count: number[];
  created_at: string[];
}

const FORMATS = ["wav", "flac", "mp3", "mp3", "mp3", "aiff", "ogg", "m4a"];
const TAG_COUNTS = [0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 5];
const WORD_COUNTS = [1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5];

export function words(random: Random, vocabulary: Vocabulary, count: number) {
  return Array.from({ length: count }, () => vocabulary.sample(random));
}

/** Plays follow a power law (Pareto, α = 1.1): most tracks have a handful, a few millions. */
function playCount(random: Random) {
  return Math.min(50_000_000, Math.floor(5 * ((1 - random.float()) ** (-1 / 1.1) - 1)));
}

/**
 * Tracks in insertion (= creation) order, `batchSize` at a time. Owners are skewed: a few
 * creators have hundreds of tracks, many have one or none.
 */
export function* generateTracks(total: number, creators: Creators, vocabulary: Vocabulary, batchSize: number) {
  const random = createRandom("stave-bench-tracks");
  const tags = buildTags(vocabulary);
  const sampleTag = zipfSampler(tags.length, 1);
  const sampleGenre = zipfSampler(GENRES.length, 0.8);
  const slugsByOwner = new Map<number, Map<string, number>>();
  const start = ANCHOR - 5 * YEAR_MS;
  for (let offset = 0; offset < total; offset += batchSize) {
    // biome-ignore format: one batch's columns
    const batch: TrackBatch = {
      id: [], owner_id: [], title: [], slug: [], description: [], genre: [], tags: [], visibility: [],
      original_key: [], original_format: [], original_size: [], original_filename: [], hls_prefix: [],
      duration_ms: [], loudness_lufs: [], true_peak_dbtp: [], artist: [], album: [], play_count: [], created_at: [],
    };
    for (let i = offset; i < Math.min(total, offset + batchSize); i++) {
      const id = random.uuid();
      const owner = Math.floor(creators.ids.length * random.float() ** 1.6);
      const titleWords = words(random, vocabulary, random.pick(WORD_COUNTS));
      const title = random.chance(0.1) ? titleWords.join(" ") : titleWords.map(capitalize).join(" ");
      const base = slugify(title);
      const owned = slugsByOwner.get(owner) ?? new Map<string, number>();
      slugsByOwner.set(owner, owned);
      const uses = (owned.get(base) ?? 0) + 1;
      owned.set(base, uses);
      const slug = uses === 1 ? base : `${base}-${uses}`;
      const trackTags = new Set<string>();
      for (let n = random.pick(TAG_COUNTS); n > 0; n--) trackTags.add(tags[sampleTag(random)] as string);
      const format = random.pick(FORMATS);
      const durationMs = Math.round(60_000 + random.float() * random.float() * 420_000);
      const roll = random.float();
      batch.id.push(id);
      batch.owner_id.push(creators.ids[owner] as string);
      batch.title.push(title);
      batch.slug.push(slug);
      batch.description.push(
        random.chance(0.3) ? `${capitalize(words(random, vocabulary, random.int(6, 25)).join(" "))}.` : null,
      );
      batch.genre.push(random.chance(0.92) ? (GENRES[sampleGenre(random)] as string) : null);
      batch.tags.push([...trackTags].join("|"));
      batch.visibility.push(roll < 0.95 ? "public" : roll < 0.98 ? "unlisted" : "private");
      batch.original_key.push(`tracks/${id}/original`);
      batch.original_format.push(format);
      batch.original_size.push(Math.round((durationMs / 1000) * (format === "mp3" ? 40_000 : 176_400)));
      batch.original_filename.push(`${slug}.${format}`);
      batch.hls_prefix.push(`tracks/${id}/hls/v1/`);
      batch.duration_ms.push(durationMs);
      batch.loudness_lufs.push(Math.round((-14 + (random.float() - 0.5) * 10) * 10) / 10);
      batch.true_peak_dbtp.push(Math.round((-1 - random.float() * 2) * 10) / 10);
      batch.artist.push(random.chance(0.15) ? makeDisplayName(random, vocabulary) : null);
      batch.album.push(
        random.chance(0.1) ? words(random, vocabulary, random.int(1, 3)).map(capitalize).join(" ") : null,
      );
      batch.play_count.push(playCount(random));
      batch.created_at.push(new Date(start + ((i + random.float()) / total) * 5 * YEAR_MS).toISOString());
    }
    yield batch;
  }
}

export interface PlaylistBatch {
  id: string[];
  owner_id: string[];
  title: string[];
  description: (string | null)[];
  visibility: string[];
  created_at: string[];
}

export function* generatePlaylists(total: number, creators: Creators, vocabulary: Vocabulary, batchSize: number) {
  const random = createRandom("stave-bench-playlists");
  for (let offset = 0; offset < total; offset += batchSize) {
    const batch: PlaylistBatch = { id: [], owner_id: [], title: [], description: [], visibility: [], created_at: [] };
    for (let i = offset; i < Math.min(total, offset + batchSize); i++) {
      const roll = random.float();
      batch.id.push(random.uuid());
      batch.owner_id.push(random.pick(creators.ids));
      batch.title.push(words(random, vocabulary, random.int(1, 4)).map(capitalize).join(" "));
      batch.description.push(random.chance(0.25) ? words(random, vocabulary, random.int(4, 15)).join(" ") : null);
      batch.visibility.push(roll < 0.9 ? "public" : roll < 0.95 ? "unlisted" : "private");
      batch.created_at.push(new Date(ANCHOR - random.float() * 3 * YEAR_MS).toISOString());
    }
    yield batch;
  }
}
