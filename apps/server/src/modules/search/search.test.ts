import type { SearchResponse, SuggestionsResponse } from "@stave/contracts";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn, type TestUser } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";
import { refreshSearchIndex } from "./search.maintenance.ts";

const t = useTestApp();

let zoe: TestUser;
let other: TestUser;
let otherSession: SignedIn;
let zoeSession: SignedIn;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { database } = t.db;
  zoe = await buildUser(database, { role: "creator", username: "zoe_brule" });
  await database.primary
    .updateTable("user_profiles")
    .set({ display_name: "Zoë Brûlé" })
    .where("user_id", "=", zoe.id)
    .execute();
  other = await buildUser(database, { role: "creator", username: "daftpunkfan" });
  await database.primary
    .updateTable("user_profiles")
    .set({ display_name: "Daft Punk Tribute" })
    .where("user_id", "=", other.id)
    .execute();
  const track = async (key: string, owner: TestUser, fields: Parameters<typeof insertReadyTrack>[2]) => {
    ids[key] = await insertReadyTrack(database, owner.id, fields);
  };
  await track("cafe", zoe, { title: "Café del Mar", genre: "Chillout", tags: ["sunset", "beach"], playCount: 40 });
  await track("beethoven", zoe, { title: "Beethoven Sonata No. 14", genre: "Classical", tags: ["piano"] });
  await track("harbour", zoe, { title: "Harbour Lights", genre: "Ambient", playCount: 3 });
  await track("lightsHarbour", zoe, { title: "Lights over the Harbour", genre: "Ambient", playCount: 900 });
  await track("describedHarbour", other, { title: "Night Drive", description: "recorded by the harbour" });
  await track("around", other, { title: "Around the World (live)", genre: "House", tags: ["french", "sunset"] });
  await track("privateSecret", other, { title: "Zebrafish Nocturne", visibility: "private" });
  await track("unlistedSecret", other, { title: "Unlisted Nocturne", visibility: "unlisted" });
  await track("processing", other, { title: "Half Baked Nocturne", status: "processing" });
  zoeSession = await signIn(t.app, zoe);
  otherSession = await signIn(t.app, other);
});

async function search(query: string, session?: SignedIn): Promise<SearchResponse> {
  const response = await t.app.inject({
    url: `/api/v1/search?${query}`,
    headers: session ? { cookie: session.cookie } : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const trackIds = (result: SearchResponse) => result.tracks?.items.map((track) => track.id) ?? [];
const q = (text: string) => `q=${encodeURIComponent(text)}&type=tracks`;

describe("GET /api/v1/search: tracks", () => {
  it("ignores accents and case, in both directions", async () => {
    expect(trackIds(await search(q("CAFE")))).toEqual([ids.cafe]);
    expect(trackIds(await search(q("café del mar")))).toEqual([ids.cafe]);
    // The creator's accented name is part of their tracks' documents.
    expect(trackIds(await search(q("zoe brule beethoven")))).toEqual([ids.beethoven]);
  });

  it("corrects a misspelt word to the closest known one and says so", async () => {
    const result = await search(q("beethovn"));
    expect(trackIds(result)).toEqual([ids.beethoven]);
    expect(result.correctedQuery).toBe("beethoven");
    expect((await search(q("beethoven"))).correctedQuery).toBeNull();
  });

  it("matches the last word as a prefix, for search as you type", async () => {
    expect(trackIds(await search(q("beeth")))).toEqual([ids.beethoven]);
    expect(trackIds(await search(q("daft pun"))).sort()).toEqual([ids.describedHarbour, ids.around].sort());
  });

  it("ranks title matches above description matches, and more-played tracks higher", async () => {
    const result = trackIds(await search(q("harbour")));
    expect(result.slice(0, 2)).toEqual([ids.lightsHarbour, ids.harbour]);
    expect(result.at(-1)).toBe(ids.describedHarbour);
  });

  it("puts an exact title first, and keeps a quoted phrase's words together in order", async () => {
    expect(trackIds(await search(q("harbour lights")))[0]).toBe(ids.harbour);
    expect(trackIds(await search(q('"harbour lights"')))).toEqual([ids.harbour]);
  });

  it("shows what matches some words when nothing matches them all", async () => {
    expect(trackIds(await search(q("beethoven qqqzzzxx")))).toEqual([ids.beethoven]);
  });

  it("narrows by genre and by tag", async () => {
    expect(trackIds(await search(`${q("sunset")}`)).sort()).toEqual([ids.cafe, ids.around].sort());
    expect(trackIds(await search(`${q("sunset")}&genre=house`))).toEqual([ids.around]);
    expect(trackIds(await search(`${q("sunset")}&tag=beach`))).toEqual([ids.cafe]);
  });

  it("never shows others' private, unlisted or unfinished tracks, nor leaks their words as corrections", async () => {
    for (const session of [undefined, zoeSession]) {
      expect(trackIds(await search(q("nocturne"), session))).toEqual([]);
    }
    const typo = await search(q("zebrafsh"));
    expect(trackIds(typo)).toEqual([]);
    expect(typo.correctedQuery).toBeNull();
  });

  it("shows the owner their own tracks in every visibility and state", async () => {
    const own = trackIds(await search(q("nocturne"), otherSession));
    expect(own.sort()).toEqual([ids.privateSecret, ids.unlistedSecret, ids.processing].sort());
  });

  it("pages through results with a cursor, without repeats", async () => {
    const first = await search(`${q("harbour")}&limit=2`);
    expect(first.tracks?.items).toHaveLength(2);
    expect(first.tracks?.nextCursor).toBeTruthy();
    const second = await search(`${q("harbour")}&limit=2&cursor=${first.tracks?.nextCursor}`);
    expect(second.tracks?.nextCursor).toBeNull();
    expect([...trackIds(first), ...trackIds(second)]).toEqual(trackIds(await search(q("harbour"))));
  });

  it("finds a creator's tracks by their new name once they rename themselves", async () => {
    const renamed = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: zoeSession.headers,
      payload: { displayName: "Zoë Quasarblue" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(trackIds(await search(q("quasarblue"))).sort()).toEqual(
      [ids.cafe, ids.beethoven, ids.harbour, ids.lightsHarbour].sort(),
    );
    await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: zoeSession.headers,
      payload: { displayName: "Zoë Brûlé" },
    });
  });
});

describe("GET /api/v1/search: creators and sections", () => {
  it("finds creators by a prefix, a typo or a part of their name, accents ignored", async () => {
    const creators = async (text: string) =>
      (await search(`q=${encodeURIComponent(text)}&type=creators`)).creators?.items.map((c) => c.username);
    expect(await creators("zo")).toContain(zoe.username);
    expect(await creators("Zoe Brule")).toEqual([zoe.username]);
    expect(await creators("zoe brulee")).toEqual([zoe.username]);
    expect(await creators("punk")).toEqual([other.username]);
  });

  it("answers every section for type=all and only the one asked for otherwise", async () => {
    const all = await search("q=zoe");
    expect(all.tracks).not.toBeNull();
    expect(all.creators?.items[0]?.username).toBe(zoe.username);
    expect(all.creators?.items[0]?.trackCount).toBe(4);
    expect(all.playlists).not.toBeNull();
    const tracksOnly = await search("q=zoe&type=tracks");
    expect(tracksOnly.creators).toBeNull();
    expect(tracksOnly.playlists).toBeNull();
  });

  it("refuses an empty query, a bad cursor, too large a page and unstorable text with 400", async () => {
    for (const query of ["q=", "q=%20%20", "q=x&cursor=nonsense", "q=x&limit=500", "q=x&type=albums", "q=ab%00c"]) {
      const response = await t.app.inject(`/api/v1/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });

  it("refuses a well-formed cursor holding no row offset with 400, not 500", async () => {
    for (const offset of ["x", 1.5, -1, 1e300]) {
      const cursor = Buffer.from(JSON.stringify([offset])).toString("base64url");
      for (const type of ["all", "tracks"]) {
        const response = await t.app.inject(`/api/v1/search?q=harbour&type=${type}&cursor=${cursor}`);
        expect(response.statusCode, `${type} ${offset}`).toBe(400);
        expect(errorCode(response)).toBe("VALIDATION_FAILED");
      }
    }
  });
});

describe("GET /api/v1/search: playlists", () => {
  const createPlaylist = async (session: SignedIn, payload: object) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/playlists",
      headers: session.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { playlist: { id: string } }).playlist.id;
  };
  const playlists = async (text: string, session?: SignedIn) =>
    (await search(`q=${encodeURIComponent(text)}&type=playlists`, session)).playlists?.items.map((p) => p.id) ?? [];

  it("finds public playlists by title words, a misspelling or description, and private ones only for their owner", async () => {
    const roadTrip = await createPlaylist(zoeSession, {
      title: "Sunday Roadtrip Anthems",
      description: "for the motorway",
    });
    const secret = await createPlaylist(otherSession, { title: "Roadtrip Secrets", visibility: "private" });
    const unlisted = await createPlaylist(otherSession, { title: "Roadtrip Unlisted", visibility: "unlisted" });
    expect(await playlists("roadtrip")).toEqual([roadTrip]);
    expect(await playlists("sunday roadtrp anthems")).toEqual([roadTrip]);
    expect(await playlists("motorway")).toEqual([roadTrip]);
    expect(await playlists("roadtrip", zoeSession)).toEqual([roadTrip]);
    expect((await playlists("roadtrip", otherSession)).sort()).toEqual([roadTrip, secret, unlisted].sort());
    const all = await search("q=roadtrip");
    expect(all.playlists?.items[0]).toMatchObject({
      title: "Sunday Roadtrip Anthems",
      owner: { username: zoe.username },
    });
  });
});

describe("popularity tiers", () => {
  it("answers a very common word from the most popular tracks, and still finds an obscure one by its other words", async () => {
    const { database } = t.db;
    const crowd = await buildUser(database, { role: "creator" });
    // 1,500 public tracks say "love"; play counts rise with n.
    await sql`
      INSERT INTO tracks (owner_id, title, slug, status, progress, play_count, original_key, original_format, original_size)
      SELECT ${crowd.id}, 'Love Song ' || n, 'love-song-' || n, 'ready', 100, n, 'tracks/x/' || n, 'wav', 1
        FROM generate_series(1, 1500) AS n`.execute(database.primary);
    const obscure = await insertReadyTrack(database, crowd.id, { title: "Love Kaleidoscope", playCount: 0 });
    await refreshSearchIndex(database.primary);

    // Tiers hold the most popular 0.2 %, 2 % and 20 % of all public tracks, cumulatively.
    const tiers = await sql<{ tier: number; tracks: number }>`
      SELECT search_tier AS tier, count(*)::int AS tracks FROM tracks
       WHERE visibility = 'public' AND status = 'ready' GROUP BY 1 ORDER BY 1`.execute(database.primary);
    const total = tiers.rows.reduce((sum, row) => sum + row.tracks, 0);
    const upTo = (share: number) => Math.floor(total * share);
    expect(tiers.rows.map((row) => row.tracks)).toEqual([
      upTo(0.002),
      upTo(0.02) - upTo(0.002),
      upTo(0.2) - upTo(0.02),
      total - upTo(0.2),
    ]);
    const tierZero = await database.primary
      .selectFrom("tracks")
      .select("title")
      .where("search_tier", "=", 0)
      .orderBy("play_count", "desc")
      .execute();
    expect(tierZero.map((row) => row.title)).toEqual(["Love Song 1500", "Love Song 1499", "Love Song 1498"]);

    const top = await search(`${q("love")}&limit=3`);
    expect(top.tracks?.items.map((track) => track.title)).toEqual([
      "Love Song 1500",
      "Love Song 1499",
      "Love Song 1498",
    ]);
    expect(trackIds(await search(q("love kaleido")))).toEqual([obscure]);
  });

  it("learns the words of new public tracks for corrections at once, and forgets them when they go", async () => {
    const { database } = t.db;
    const id = await insertReadyTrack(database, other.id, { title: "Xylophonium" });
    expect((await search(q("xylophonum"))).correctedQuery).toBe("xylophonium");
    await database.primary.updateTable("tracks").set({ visibility: "private" }).where("id", "=", id).execute();
    await refreshSearchIndex(database.primary);
    expect((await search(q("xylophonum"))).correctedQuery).toBeNull();
  });
});

describe("GET /api/v1/search/suggestions", () => {
  it("offers matching creators first, then track titles, for a prefix", async () => {
    const response = await t.app.inject("/api/v1/search/suggestions?q=zoe%20br&limit=5");
    expect(response.statusCode).toBe(200);
    const { suggestions } = response.json() as SuggestionsResponse;
    expect(suggestions[0]).toMatchObject({ kind: "creator", username: zoe.username, displayName: "Zoë Brûlé" });
    expect(suggestions.filter((s) => s.kind === "track")).toHaveLength(4);
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });

  it("offers nothing it may not show", async () => {
    const response = await t.app.inject("/api/v1/search/suggestions?q=zebra");
    expect((response.json() as SuggestionsResponse).suggestions).toEqual([]);
  });
});
