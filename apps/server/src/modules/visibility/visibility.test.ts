import type { Role } from "@stave/contracts";
import type { RawBuilder } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/accounts.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { buildTrack } from "../../../test/playlists.ts";
import type { Database } from "../../platform/db/database.ts";
import {
  commentRule,
  feedTrackRule,
  listedCommentRule,
  listedPlaylistRule,
  listedTrackRule,
  loadBlockedWith,
  playableTrackRule,
  playlistRule,
  profileRule,
  type Rule,
  type RuleTables,
  sharedTrackRule,
  trackRule,
  unhiddenTrackRule,
  type Viewer,
} from "./index.ts";

/**
 * The rule-agreement test: for every rule, on a real PostgreSQL, rows for every combination of
 * status × visibility × taken down × owner (plain, blocked by every viewer, blocking every
 * viewer), and every viewer (anonymous, the row's owner, a listener, a creator, a moderator, an
 * admin). The SQL form, evaluated by PostgreSQL, and the predicate, on the loaded rows, must
 * agree on each; a few combinations are checked against the intended answer, so a rule wrong
 * in both forms fails too.
 */

let db: TestDatabase;
let database: Database;

const statuses = ["uploaded", "processing", "ready", "failed", "hidden"] as const;
const visibilities = ["public", "unlisted", "private"] as const;

interface People {
  /** Owners of content: no block; blocked by every viewer; blocking every viewer. */
  plain: string;
  blockedByViewers: string;
  blockingViewers: string;
  listener: string;
  creator: string;
  moderator: string;
  admin: string;
}
let people: People;
type Seen = NonNullable<Viewer> & { label: string };
let viewers: Seen[];

const as = (label: string, userId: string, role: Role): Seen => ({ label, userId, role });

async function user(role: Role) {
  return (await buildUser(database, { role })).id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  database = db.database;
  people = {
    plain: await user("creator"),
    blockedByViewers: await user("creator"),
    blockingViewers: await user("creator"),
    listener: await user("user"),
    creator: await user("creator"),
    moderator: await user("moderator"),
    admin: await user("admin"),
  };
  viewers = [
    as("listener", people.listener, "user"),
    as("creator", people.creator, "creator"),
    as("moderator", people.moderator, "moderator"),
    as("admin", people.admin, "admin"),
  ];
  for (const viewer of viewers) {
    await database.primary
      .insertInto("user_blocks")
      .values([
        { blocker_id: viewer.userId, blocked_id: people.blockedByViewers },
        { blocker_id: people.blockingViewers, blocked_id: viewer.userId },
      ])
      .execute();
  }
  const owners = [people.plain, people.blockedByViewers, people.blockingViewers];

  for (const owner of owners) {
    for (const status of statuses) {
      for (const visibility of visibilities) {
        for (const takenDown of [false, true]) {
          const id = await buildTrack(database, owner, {
            visibility,
            status: status === "hidden" ? "ready" : status,
          });
          await database.primary
            .updateTable("tracks")
            .set({ status, taken_down_at: takenDown ? new Date() : null, takedown_reason: takenDown ? "test" : null })
            .where("id", "=", id)
            .execute();
        }
      }
    }
    for (const visibility of visibilities) {
      for (const takenDown of [false, true]) {
        await database.primary
          .insertInto("playlists")
          .values({ owner_id: owner, title: "P", visibility, taken_down_at: takenDown ? new Date() : null })
          .execute();
      }
    }
  }

  // Comments under the plain owner's tracks, by authors in every relation to the viewers.
  const tracks = await database.primary
    .selectFrom("tracks")
    .select("id")
    .where("owner_id", "=", people.plain)
    .execute();
  const authors = [people.plain, people.blockedByViewers, people.blockingViewers, people.listener, people.moderator];
  for (const { id } of tracks) {
    for (const author of authors) {
      for (const takenDown of [false, true]) {
        await database.primary
          .insertInto("track_comments")
          .values({ track_id: id, author_id: author, body: "hi", taken_down_at: takenDown ? new Date() : null })
          .execute();
      }
    }
  }

  // Accounts in every state: deleted × suspended.
  for (const deleted of [false, true]) {
    for (const suspended of [false, true]) {
      const id = await user("creator");
      await database.primary
        .updateTable("users")
        .set({ deleted_at: deleted ? new Date() : null, suspended_at: suspended ? new Date() : null })
        .where("id", "=", id)
        .execute();
    }
  }
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** Every viewer of a row: anonymous, the fixed ones, and the row's own owner. */
const viewersOf = (ownerId: string): Seen[] => [
  { label: "anonymous", userId: "", role: "user" },
  ...viewers,
  as("owner", ownerId, "creator"),
];
const asViewer = (seen: Seen): Viewer => (seen.label === "anonymous" ? null : { userId: seen.userId, role: seen.role });

async function trackRows() {
  return database.primary
    .selectFrom("tracks as t")
    .select(["t.id", "t.owner_id", "t.status", "t.visibility", "t.taken_down_at"])
    .execute();
}

/** What PostgreSQL says of the rule for this viewer, by id. */
async function sqlAnswers(
  rule: { sql(viewer: Viewer): RawBuilder<boolean> },
  viewer: Viewer,
  from: "tracks" | "playlists" | "comments" | "users",
): Promise<Map<string, boolean>> {
  const expression = rule.sql(viewer);
  const query =
    from === "tracks"
      ? database.primary.selectFrom("tracks as t").select(["t.id", expression.as("visible")])
      : from === "playlists"
        ? database.primary.selectFrom("playlists as p").select(["p.id", expression.as("visible")])
        : from === "users"
          ? database.primary.selectFrom("users as u").select(["u.id", expression.as("visible")])
          : database.primary
              .selectFrom("track_comments as c")
              .innerJoin("tracks as t", "t.id", "c.track_id")
              .select(["c.id", expression.as("visible")]);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.id, row.visible]));
}
type TableKey = keyof RuleTables;

interface Checked {
  id: string;
  viewer: string;
  sql: boolean;
  predicate: boolean;
}

/** Runs the rule both ways for every row and viewer; returns every answer, for spot checks. */
async function agreement<T extends TableKey>(
  rule: Rule<T>,
  from: "tracks" | "playlists" | "comments" | "users",
  rows: { id: string; owner: string; facts: { [K in T]: RuleTables[K] } }[],
): Promise<Map<string, Checked>> {
  const answers = new Map<string, Checked>();
  const byViewer = new Map<string, Map<string, boolean>>();
  const blocksOf = new Map<string, ReadonlySet<string>>();
  const disagreements: Checked[] = [];
  for (const row of rows) {
    for (const seen of viewersOf(row.owner)) {
      const viewer = asViewer(seen);
      const key = viewer === null ? "anonymous" : `${viewer.userId}/${viewer.role}`;
      let fromSql = byViewer.get(key);
      if (!fromSql) {
        fromSql = await sqlAnswers(rule, viewer, from);
        byViewer.set(key, fromSql);
      }
      let blockedWith = blocksOf.get(key);
      if (!blockedWith) {
        blockedWith = await loadBlockedWith(database.primary, viewer);
        blocksOf.set(key, blockedWith);
      }
      const checked = {
        id: row.id,
        viewer: seen.label,
        sql: fromSql.get(row.id) ?? false,
        predicate: rule.allows(viewer, row.facts, blockedWith),
      };
      if (checked.sql !== checked.predicate) disagreements.push(checked);
      answers.set(`${row.id}/${seen.label}`, checked);
    }
  }
  expect(disagreements).toEqual([]);
  return answers;
}

const trackFacts = (row: Awaited<ReturnType<typeof trackRows>>[number]) => ({
  id: row.id,
  owner: row.owner_id,
  facts: { track: row },
});

/** The answer for the track of this owner with these properties, as seen by `viewer`. */
function answerFor(
  answers: Map<string, Checked>,
  rows: Awaited<ReturnType<typeof trackRows>>,
  find: { owner: string; status: string; visibility: string; takenDown: boolean },
  viewer: string,
): boolean {
  const row = rows.find(
    (r) =>
      r.owner_id === find.owner &&
      r.status === find.status &&
      r.visibility === find.visibility &&
      (r.taken_down_at !== null) === find.takenDown,
  );
  if (!row) throw new Error(`no such row: ${JSON.stringify(find)}`);
  const answer = answers.get(`${row.id}/${viewer}`);
  if (!answer) throw new Error(`no answer for ${viewer}`);
  return answer.sql;
}

describe("track rules: SQL and predicate agree on every combination", () => {
  it("trackRule: owner and admin always, moderators what is taken down or hidden from others, others ready and not private", async () => {
    const rows = await trackRows();
    const answers = await agreement(trackRule, "tracks", rows.map(trackFacts));
    expect(answers.size).toBe(rows.length * 6);
    const plain = people.plain;
    const is = (status: string, visibility: string, takenDown: boolean, viewer: string) =>
      answerFor(answers, rows, { owner: plain, status, visibility, takenDown }, viewer);
    expect(is("ready", "unlisted", false, "anonymous")).toBe(true);
    expect(is("ready", "private", false, "listener")).toBe(false);
    expect(is("ready", "private", false, "owner")).toBe(true);
    expect(is("ready", "private", false, "admin")).toBe(true);
    expect(is("ready", "private", false, "moderator")).toBe(false);
    expect(is("hidden", "public", true, "moderator")).toBe(true);
    expect(is("hidden", "public", true, "listener")).toBe(false);
    // Hidden by the owner's suspension: moderators judge what others could open before it, not
    // the owner's private tracks (suspension hides those too); a taken-down one whatever it was.
    expect(is("hidden", "public", false, "moderator")).toBe(true);
    expect(is("hidden", "unlisted", false, "moderator")).toBe(true);
    expect(is("hidden", "private", false, "moderator")).toBe(false);
    expect(is("hidden", "private", false, "admin")).toBe(true);
    expect(is("hidden", "private", false, "owner")).toBe(true);
    expect(is("hidden", "private", true, "moderator")).toBe(true);
    expect(is("ready", "private", true, "moderator")).toBe(true);
    expect(is("processing", "public", false, "creator")).toBe(false);
    // A track opened by link is not hidden by a block (anyone signed out could open it).
    expect(
      answerFor(
        answers,
        rows,
        { owner: people.blockingViewers, status: "ready", visibility: "public", takenDown: false },
        "listener",
      ),
    ).toBe(true);
  });

  it("sharedTrackRule: the owner's own in any state, anyone else's ready and not private, whatever the role", async () => {
    const rows = await trackRows();
    const answers = await agreement(sharedTrackRule, "tracks", rows.map(trackFacts));
    const is = (status: string, visibility: string, viewer: string) =>
      answerFor(answers, rows, { owner: people.plain, status, visibility, takenDown: false }, viewer);
    expect(is("ready", "private", "admin")).toBe(false);
    expect(is("ready", "private", "owner")).toBe(true);
    expect(is("ready", "unlisted", "listener")).toBe(true);
    expect(is("hidden", "public", "moderator")).toBe(false);
  });

  it("listedTrackRule and feedTrackRule: public, ready, not taken down; a feed also leaves blocks out", async () => {
    const rows = await trackRows();
    const listed = await agreement(listedTrackRule, "tracks", rows.map(trackFacts));
    const feed = await agreement(feedTrackRule, "tracks", rows.map(trackFacts));
    const publicReady = { status: "ready", visibility: "public", takenDown: false };
    expect(answerFor(listed, rows, { owner: people.plain, ...publicReady }, "anonymous")).toBe(true);
    expect(answerFor(listed, rows, { owner: people.plain, ...publicReady, takenDown: true }, "admin")).toBe(false);
    expect(answerFor(listed, rows, { owner: people.plain, ...publicReady, visibility: "unlisted" }, "owner")).toBe(
      false,
    );
    expect(answerFor(feed, rows, { owner: people.plain, ...publicReady }, "listener")).toBe(true);
    expect(answerFor(feed, rows, { owner: people.blockedByViewers, ...publicReady }, "listener")).toBe(false);
    expect(answerFor(feed, rows, { owner: people.blockingViewers, ...publicReady }, "admin")).toBe(false);
    expect(answerFor(feed, rows, { owner: people.blockingViewers, ...publicReady }, "anonymous")).toBe(true);
  });

  it("playableTrackRule: nobody plays a hidden or taken-down track, not even its owner or an admin", async () => {
    const rows = await trackRows();
    const answers = await agreement(playableTrackRule, "tracks", rows.map(trackFacts));
    const is = (status: string, visibility: string, takenDown: boolean, viewer: string) =>
      answerFor(answers, rows, { owner: people.plain, status, visibility, takenDown }, viewer);
    expect(is("hidden", "public", false, "owner")).toBe(false);
    expect(is("ready", "private", true, "admin")).toBe(false);
    expect(is("ready", "private", false, "owner")).toBe(true);
    expect(is("ready", "public", false, "anonymous")).toBe(true);
  });
});

describe("unhiddenTrackRule", () => {
  it("agrees, and is false for taken-down tracks and those of a suspended owner, whoever looks", async () => {
    const rows = await trackRows();
    const answers = await agreement(unhiddenTrackRule, "tracks", rows.map(trackFacts));
    const is = (status: string, visibility: string, takenDown: boolean, viewer: string) =>
      answerFor(answers, rows, { owner: people.plain, status, visibility, takenDown }, viewer);
    expect(is("ready", "public", false, "anonymous")).toBe(true);
    expect(is("processing", "private", false, "listener")).toBe(true);
    expect(is("hidden", "public", false, "owner")).toBe(false);
    expect(is("ready", "public", true, "admin")).toBe(false);
    expect(is("hidden", "private", true, "anonymous")).toBe(false);
  });
});

describe("playlist rules", () => {
  const playlistRows = () =>
    database.primary
      .selectFrom("playlists as p")
      .select(["p.id", "p.owner_id", "p.visibility", "p.taken_down_at"])
      .execute();

  it("playlistRule and listedPlaylistRule agree, and hide private and taken-down playlists from others", async () => {
    const rows = await playlistRows();
    const facts = rows.map((row) => ({ id: row.id, owner: row.owner_id, facts: { playlist: row } }));
    const opened = await agreement(playlistRule, "playlists", facts);
    const listed = await agreement(listedPlaylistRule, "playlists", facts);
    const idOf = (visibility: string, takenDown: boolean) =>
      rows.find(
        (r) => r.owner_id === people.plain && r.visibility === visibility && (r.taken_down_at !== null) === takenDown,
      )?.id;
    const seen = (answers: Map<string, Checked>, id: string | undefined, viewer: string) =>
      answers.get(`${id}/${viewer}`)?.sql;
    expect(seen(opened, idOf("unlisted", false), "anonymous")).toBe(true);
    expect(seen(opened, idOf("private", false), "listener")).toBe(false);
    expect(seen(opened, idOf("private", false), "owner")).toBe(true);
    expect(seen(opened, idOf("public", true), "listener")).toBe(false);
    expect(seen(opened, idOf("public", true), "moderator")).toBe(true);
    expect(seen(opened, idOf("private", false), "moderator")).toBe(false);
    expect(seen(listed, idOf("unlisted", false), "owner")).toBe(false);
    expect(seen(listed, idOf("public", false), "anonymous")).toBe(true);
  });
});

describe("comment rules", () => {
  const commentRows = () =>
    database.primary
      .selectFrom("track_comments as c")
      .innerJoin("tracks as t", "t.id", "c.track_id")
      .select([
        "c.id",
        "c.author_id",
        "c.taken_down_at as comment_taken_down_at",
        "t.owner_id",
        "t.status",
        "t.visibility",
        "t.taken_down_at",
      ])
      .execute();

  it("commentRule and listedCommentRule agree; a block hides comments from lists both ways", async () => {
    const rows = await commentRows();
    const facts = rows.map((row) => ({
      id: row.id,
      owner: row.author_id,
      facts: {
        comment: { author_id: row.author_id, taken_down_at: row.comment_taken_down_at },
        track: {
          owner_id: row.owner_id,
          status: row.status,
          visibility: row.visibility,
          taken_down_at: row.taken_down_at,
        },
      },
    }));
    const opened = await agreement(commentRule, "comments", facts);
    const listed = await agreement(listedCommentRule, "comments", facts);
    const idOf = (author: string, takenDown: boolean) =>
      rows.find(
        (r) =>
          r.author_id === author &&
          (r.comment_taken_down_at !== null) === takenDown &&
          r.status === "ready" &&
          r.visibility === "public" &&
          r.taken_down_at === null,
      )?.id;
    const seen = (answers: Map<string, Checked>, id: string | undefined, viewer: string) =>
      answers.get(`${id}/${viewer}`)?.sql;
    expect(seen(opened, idOf(people.plain, false), "anonymous")).toBe(true);
    expect(seen(opened, idOf(people.plain, true), "listener")).toBe(false);
    expect(seen(opened, idOf(people.plain, true), "owner")).toBe(true);
    expect(seen(opened, idOf(people.plain, true), "moderator")).toBe(true);
    expect(seen(listed, idOf(people.blockedByViewers, false), "listener")).toBe(false);
    expect(seen(listed, idOf(people.blockingViewers, false), "moderator")).toBe(false);
    expect(seen(listed, idOf(people.blockingViewers, false), "anonymous")).toBe(true);
    expect(seen(opened, idOf(people.blockingViewers, false), "listener")).toBe(true);
  });
});

describe("profile rule", () => {
  it("agrees, and hides deleted accounts from all and suspended ones from all but themselves and staff", async () => {
    const rows = await database.primary
      .selectFrom("users as u")
      .select(["u.id", "u.deleted_at", "u.suspended_at"])
      .execute();
    const answers = await agreement(
      profileRule,
      "users",
      rows.map((row) => ({ id: row.id, owner: row.id, facts: { user: row } })),
    );
    const idOf = (deleted: boolean, suspended: boolean) =>
      rows.find((r) => (r.deleted_at !== null) === deleted && (r.suspended_at !== null) === suspended)?.id;
    const seen = (id: string | undefined, viewer: string) => answers.get(`${id}/${viewer}`)?.sql;
    expect(seen(idOf(false, false), "anonymous")).toBe(true);
    expect(seen(idOf(false, true), "listener")).toBe(false);
    expect(seen(idOf(false, true), "moderator")).toBe(true);
    expect(seen(idOf(false, true), "owner")).toBe(true);
    expect(seen(idOf(true, false), "admin")).toBe(false);
  });
});

describe("the predicate fails closed", () => {
  it("refuses a row loaded without a column the rule reads, and a block test without the viewer's blocks", () => {
    const track = { owner_id: people.plain, status: "ready", visibility: "public" } as RuleTables["track"];
    expect(() => trackRule.allows(null, { track })).toThrow(/taken_down_at/);
    const full = { ...track, taken_down_at: null };
    expect(() => feedTrackRule.allows({ userId: people.listener, role: "user" }, { track: full })).toThrow(/blocks/);
  });
});
