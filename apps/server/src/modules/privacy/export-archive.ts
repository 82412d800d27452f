import path from "node:path";
import { Readable } from "node:stream";
import { type Kysely, sql } from "kysely";
import { ZipFile } from "yazl";
import { type CsvValue, csvLine } from "../../platform/csv.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { Storage } from "../../platform/storage/index.ts";
import { playlistRule, sharedTrackRule } from "../visibility/index.ts";

/** Bumped whenever a file's shape changes, so tools reading exports can tell. */
export const EXPORT_FORMAT_VERSION = 1;
/** Rows read per query while streaming: memory stays flat however large the account. */
const BATCH = 1000;

type Row = Record<string, unknown>;
type KeyedRow = Row & { at: Date; id: string };
/** One page of rows after the given key (null for the first page). */
type PageReader = (after: { at: Date; id: string } | null) => Promise<KeyedRow[]>;

/** Every row a page reader has, read page by page. */
async function* pages(readPage: PageReader): AsyncGenerator<KeyedRow> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows = await readPage(after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = { at: last.at, id: last.id };
  }
}

/**
 * Text made of many small pieces, handed on in chunks of about 64 kB: one deflate call per
 * row would spend more time in zlib than in the database.
 */
async function* chunked(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = "";
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** A JSON array streamed row by row: `[`, rows separated by commas, `]`. */
function jsonArray(rows: AsyncIterable<Row> | PageReader, present: (row: Row) => unknown): Readable {
  const source = typeof rows === "function" ? pages(rows) : rows;
  return Readable.from(
    chunked(
      (async function* () {
        yield "[";
        let first = true;
        for await (const row of source) {
          yield `${first ? "\n" : ",\n"}${JSON.stringify(present(row))}`;
          first = false;
        }
        yield "\n]\n";
      })(),
    ),
  );
}

/** The same rows as CSV, for spreadsheets. */
function csv(readPage: PageReader, columns: string[]): Readable {
  return Readable.from(
    chunked(
      (async function* () {
        yield csvLine(columns);
        for await (const row of pages(readPage)) yield csvLine(columns.map((column) => row[column] as CsvValue));
      })(),
    ),
  );
}

/** Keyset pages of a query ordered by (at, id). */
const keyset = (after: { at: Date; id: string } | null, at: string, id: string) =>
  after ? sql`AND (${sql.ref(at)}, ${sql.ref(id)}) > (${after.at}, ${after.id})` : sql``;

/**
 * A title as the user may see it today, by the visibility module's rules: someone else's track
 * or playlist made private (or taken down) since keeps its title to itself. The viewer is
 * given by id alone, so no staff power of theirs reaches their export.
 */
const visibleTrackTitle = (userId: string) => sql`CASE WHEN ${sharedTrackRule.sql({ userId })} THEN t.title END`;
const visiblePlaylistTitle = (userId: string) => sql`CASE WHEN ${playlistRule.sql({ userId })} THEN p.title END`;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

const README = `This is your data from Stave, as it was when the export was made.

Files (JSON unless said otherwise; times are UTC, ISO 8601):
  account.json            your account: email, role, verification and creator-upgrade dates,
                          whether two-factor sign-in is on (never its secret)
  profile.json            your public profile: username, display name, bio, location, links
  tracks.json             your tracks and their details; the original audio files you uploaded
                          are in tracks/ (named <track id>-<slug>.<format>)
  playlists.json          your playlists and the tracks in them, in order
  likes.json              tracks and playlists you liked
  follows.json            people you follow
  comments.json           comments you wrote
  messages.json           messages in your conversations, sent and received
  playback_history.json   what you listened to, when, and for how long (also as .csv)
  notifications.json      notifications you received
  security_events.json    security-relevant events of your account (sign-ins, password and
                          two-factor changes…), with the IP address and browser of each

Format version: ${EXPORT_FORMAT_VERSION}
`;

/**
 * Streams the user's export ZIP into storage under `key` and returns its size. Every file is
 * a stream read from the database in pages, and the audio is piped from storage, so the
 * worker holds only a page and a few buffers at a time.
 */
export async function writeExportArchive(
  db: Kysely<DB>,
  storage: Storage,
  userId: string,
  key: string,
): Promise<number> {
  const zip = new ZipFile();
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

  const user = await db
    .selectFrom("users")
    .leftJoin("user_profiles", "user_profiles.user_id", "users.id")
    .select([
      "users.email",
      "users.username",
      "users.role",
      "users.is_verified",
      "users.verified_at",
      "users.promoted_to_creator_at",
      "users.two_factor_enabled",
      "users.created_at",
      "user_profiles.display_name",
      "user_profiles.bio",
      "user_profiles.location",
      "user_profiles.links",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirstOrThrow();

  zip.addBuffer(Buffer.from(README), "README.txt");
  zip.addBuffer(
    json({
      formatVersion: EXPORT_FORMAT_VERSION,
      email: user.email,
      role: user.role,
      emailVerified: user.is_verified,
      verifiedAt: iso(user.verified_at),
      promotedToCreatorAt: iso(user.promoted_to_creator_at),
      twoFactorEnabled: user.two_factor_enabled,
      createdAt: iso(user.created_at),
    }),
    "account.json",
  );
  zip.addBuffer(
    json({
      formatVersion: EXPORT_FORMAT_VERSION,
      username: user.username,
      displayName: user.display_name,
      bio: user.bio,
      location: user.location,
      links: user.links,
    }),
    "profile.json",
  );

  const tracks = await db
    .selectFrom("tracks")
    .select([
      "id",
      "title",
      "slug",
      "description",
      "genre",
      "tags",
      "visibility",
      "downloadable",
      "license",
      "release_date",
      "status",
      "duration_ms",
      "artist",
      "album",
      "play_count",
      "original_key",
      "original_format",
      "original_filename",
      "created_at",
    ])
    .where("owner_id", "=", userId)
    .orderBy("created_at")
    .execute();
  const audioName = (track: { id: string; slug: string; original_format: string }) =>
    `tracks/${track.id}-${track.slug}.${track.original_format.replace(/[^a-z0-9]/gi, "") || "audio"}`;
  zip.addBuffer(
    json(
      tracks.map(({ original_key: _key, ...track }) => ({
        ...track,
        playCount: Number(track.play_count),
        createdAt: iso(track.created_at),
        originalFile: audioName(track),
      })),
    ),
    "tracks.json",
  );
  for (const track of tracks) {
    if (!(await storage.stat(track.original_key))) continue;
    // Opened only when the ZIP reaches it: one file open at a time, however many tracks.
    zip.addReadStreamLazy(audioName(track), { compress: false }, (done) => {
      storage.get(track.original_key).then(
        (stream) => void done(null, stream),
        (error) => void done(error, undefined as never),
      );
    });
  }

  zip.addReadStream(
    jsonArray(
      async (after) =>
        (
          await sql<KeyedRow>`
            SELECT p.id, p.title, p.description, p.visibility, p.created_at AS at,
                   coalesce((SELECT json_agg(json_build_object('trackId', t.id, 'title', ${visibleTrackTitle(userId)})
                                        ORDER BY pt.position)
                               FROM playlist_tracks pt JOIN tracks t ON t.id = pt.track_id
                              WHERE pt.playlist_id = p.id), '[]') AS tracks
              FROM playlists p
             WHERE p.owner_id = ${userId} ${keyset(after, "p.created_at", "p.id")}
             ORDER BY p.created_at, p.id LIMIT ${BATCH}`.execute(db)
        ).rows,
      ({ at, ...playlist }) => ({ ...playlist, createdAt: iso(at) }),
    ),
    "playlists.json",
  );

  zip.addReadStream(
    jsonArray(
      async (after) =>
        (
          await sql<KeyedRow>`
            SELECT * FROM (
              SELECT 'track' AS type, l.track_id AS id, ${visibleTrackTitle(userId)} AS title, l.created_at AS at
                FROM track_likes l JOIN tracks t ON t.id = l.track_id WHERE l.user_id = ${userId}
              UNION ALL
              SELECT 'playlist', l.playlist_id, ${visiblePlaylistTitle(userId)}, l.created_at
                FROM playlist_likes l JOIN playlists p ON p.id = l.playlist_id WHERE l.user_id = ${userId}
            ) likes
             WHERE true ${keyset(after, "at", "id")}
             ORDER BY at, id LIMIT ${BATCH}`.execute(db)
        ).rows,
      ({ at, ...like }) => ({ ...like, likedAt: iso(at) }),
    ),
    "likes.json",
  );

  zip.addReadStream(
    jsonArray(
      async (after) =>
        (
          await sql<KeyedRow>`
            SELECT f.followee_id AS id, u.username, f.created_at AS at
              FROM follows f JOIN users u ON u.id = f.followee_id
             WHERE f.follower_id = ${userId} ${keyset(after, "f.created_at", "f.followee_id")}
             ORDER BY f.created_at, f.followee_id LIMIT ${BATCH}`.execute(db)
        ).rows,
      ({ at, id, username }) => ({ userId: id, username, followedAt: iso(at) }),
    ),
    "follows.json",
  );

  zip.addReadStream(
    jsonArray(
      async (after) =>
        (
          await sql<KeyedRow>`
            SELECT c.id, c.track_id, ${visibleTrackTitle(userId)} AS track_title, c.body, c.timestamp_ms, c.created_at AS at
              FROM track_comments c JOIN tracks t ON t.id = c.track_id
             WHERE c.author_id = ${userId} ${keyset(after, "c.created_at", "c.id")}
             ORDER BY c.created_at, c.id LIMIT ${BATCH}`.execute(db)
        ).rows,
      ({ at, ...comment }) => ({ ...comment, createdAt: iso(at) }),
    ),
    "comments.json",
  );

  // Conversation by conversation, each in its index order, so no page has to sort them all.
  const conversations = await sql<{ id: string; with_username: string }>`
    SELECT c.id, other.username AS with_username
      FROM conversation_members cm
      JOIN conversations c ON c.id = cm.conversation_id
      JOIN users other ON other.id = CASE WHEN c.user_low = ${userId} THEN c.user_high ELSE c.user_low END
     WHERE cm.user_id = ${userId}
     ORDER BY c.created_at, c.id`.execute(db);
  const messages = async function* () {
    for (const conversation of conversations.rows) {
      for await (const message of pages(
        async (after) =>
          (
            await sql<KeyedRow>`
              SELECT m.id, m.body, m.created_at AS at, (m.sender_id = ${userId}) AS sent_by_me
                FROM messages m
               WHERE m.conversation_id = ${conversation.id} ${keyset(after, "m.created_at", "m.id")}
               ORDER BY m.created_at, m.id LIMIT ${BATCH}`.execute(db)
          ).rows,
      )) {
        yield { ...message, conversation_id: conversation.id, with_username: conversation.with_username };
      }
    }
  };
  zip.addReadStream(
    jsonArray(messages(), (row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      with: row.with_username,
      direction: row.sent_by_me ? "sent" : "received",
      body: row.body,
      createdAt: iso(row.at),
    })),
    "messages.json",
  );

  const history: PageReader = async (after) =>
    (
      await sql<KeyedRow>`
        SELECT h.id, h.played_at AS at, h.listened_ms, t.id AS track_id,
               ${visibleTrackTitle(userId)} AS track_title
          FROM playback_history h JOIN tracks t ON t.id = h.track_id
         WHERE h.user_id = ${userId} ${keyset(after, "h.played_at", "h.id")}
         ORDER BY h.played_at, h.id LIMIT ${BATCH}`.execute(db)
    ).rows;
  zip.addReadStream(
    jsonArray(history, (row) => ({
      playedAt: iso(row.at),
      listenedMs: row.listened_ms,
      trackId: row.track_id,
      trackTitle: row.track_title,
    })),
    "playback_history.json",
  );
  zip.addReadStream(csv(history, ["at", "listened_ms", "track_id", "track_title"]), "playback_history.csv");

  zip.addReadStream(
    jsonArray(
      async (after) =>
        (
          await sql<KeyedRow>`
            SELECT n.id, n.kind, n.subject_type, n.subject_id, n.data, n.read_at, n.created_at AS at
              FROM notifications n
             WHERE n.user_id = ${userId} ${keyset(after, "n.created_at", "n.id")}
             ORDER BY n.created_at, n.id LIMIT ${BATCH}`.execute(db)
        ).rows,
      ({ at, read_at, ...row }) => ({ ...row, readAt: iso(read_at), createdAt: iso(at) }),
    ),
    "notifications.json",
  );

  zip.addReadStream(
    jsonArray(
      async (after) =>
        (
          await sql<KeyedRow>`
            SELECT a.id, a.action, a.target_type, a.target_id,
                   -- An admin's action on the account: when and what, not the admin's address and
                   -- browser. (No actor, as in a failed sign-in, compares NULL: the row keeps both.)
                   CASE WHEN a.actor_id <> ${userId} THEN NULL ELSE host(a.ip) END AS ip,
                   CASE WHEN a.actor_id <> ${userId} THEN NULL ELSE a.user_agent END AS user_agent,
                   a.metadata, a.created_at AS at
              FROM audit_log a
             WHERE (a.actor_id = ${userId} OR (a.target_type = 'user' AND a.target_id = ${userId}))
               ${keyset(after, "a.created_at", "a.id")}
             ORDER BY a.created_at, a.id LIMIT ${BATCH}`.execute(db)
        ).rows,
      ({ at, ...row }) => ({ ...row, createdAt: iso(at) }),
    ),
    "security_events.json",
  );

  zip.end();
  const stored = await storage.put(key, zip.outputStream as unknown as Readable);
  return stored.size;
}

export const exportKey = (userId: string, exportId: string) => path.posix.join("exports", userId, `${exportId}.zip`);
