import type { FollowPage, UserProfileResponse } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { as, buildPerson, buildTrack, ok, type Person } from "../../../test/social.ts";

const t = useTestApp();

let creator: Person;
let fan: Person;

beforeAll(async () => {
  creator = await buildPerson(t, { role: "creator" });
  fan = await buildPerson(t);
  await t.db.database.primary
    .updateTable("user_profiles")
    .set({ display_name: "Harbour Lights", bio: "Ambient from the docks" })
    .where("user_id", "=", creator.id)
    .execute();
});

const counts = (userId: string) =>
  t.db.database.primary
    .selectFrom("users")
    .select(["follower_count", "following_count"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();

describe("profiles", () => {
  it("shows a user's public profile with counts, and to a signed-in caller whether they follow", async () => {
    await buildTrack(t.db.database, creator.id);
    await buildTrack(t.db.database, creator.id, { visibility: "private" });
    const anonymous = ok<UserProfileResponse>(await as(t.app, null, "GET", `/api/v1/users/${creator.username}`));
    expect(anonymous.user).toEqual({
      id: creator.id,
      username: creator.username,
      displayName: "Harbour Lights",
      bio: "Ambient from the docks",
      location: null,
      avatarUrl: null,
      role: "creator",
      followerCount: 0,
      followingCount: 0,
      trackCount: 1,
      createdAt: expect.any(String),
      viewer: null,
    });
    const signedIn = ok<UserProfileResponse>(await as(t.app, fan, "GET", `/api/v1/users/${creator.username}`));
    expect(signedIn.user.viewer).toEqual({ following: false, followsYou: false });
    expect((await as(t.app, null, "GET", "/api/v1/users/nobody-here")).statusCode).toBe(404);
    expect((await as(t.app, null, "GET", "/api/v1/users/x")).statusCode).toBe(404);
  });

  it("does not show a deleted account", async () => {
    const leaving = await buildPerson(t);
    await t.db.database.primary
      .updateTable("users")
      .set({ deleted_at: new Date() })
      .where("id", "=", leaving.id)
      .execute();
    expect((await as(t.app, null, "GET", `/api/v1/users/${leaving.username}`)).statusCode).toBe(404);
    expect((await as(t.app, fan, "PUT", `/api/v1/users/${leaving.username}/follow`)).statusCode).toBe(404);
  });
});

describe("follows", () => {
  it("follows once however often it is sent, and unfollows the same way, answering the new counts", async () => {
    const first = ok<UserProfileResponse>(await as(t.app, fan, "PUT", `/api/v1/users/${creator.username}/follow`));
    expect(first.user).toMatchObject({ followerCount: 1, viewer: { following: true, followsYou: false } });
    const again = ok<UserProfileResponse>(await as(t.app, fan, "PUT", `/api/v1/users/${creator.username}/follow`));
    expect(again.user.followerCount).toBe(1);
    expect((await counts(fan.id)).following_count).toBe(1);

    const back = ok<UserProfileResponse>(await as(t.app, creator, "PUT", `/api/v1/users/${fan.username}/follow`));
    expect(back.user.viewer).toEqual({ following: true, followsYou: true });

    const gone = ok<UserProfileResponse>(await as(t.app, fan, "DELETE", `/api/v1/users/${creator.username}/follow`));
    expect(gone.user).toMatchObject({ followerCount: 0, viewer: { following: false, followsYou: true } });
    ok(await as(t.app, fan, "DELETE", `/api/v1/users/${creator.username}/follow`));
    expect(await counts(creator.id)).toEqual({ follower_count: 0, following_count: 1 });
    expect(await counts(fan.id)).toEqual({ follower_count: 1, following_count: 0 });
    ok(await as(t.app, creator, "DELETE", `/api/v1/users/${fan.username}/follow`));
  });

  it("unfollows a suspended account, whose profile the follower may not see, for good", async () => {
    const suspended = await buildPerson(t, { role: "creator" });
    ok(await as(t.app, fan, "PUT", `/api/v1/users/${suspended.username}/follow`));
    const setSuspended = (at: Date | null) =>
      t.db.database.primary.updateTable("users").set({ suspended_at: at }).where("id", "=", suspended.id).execute();
    await setSuspended(new Date());

    // The follow is removed; its profile, hidden from the follower, is not sent.
    const unfollowed = await as(t.app, fan, "DELETE", `/api/v1/users/${suspended.username}/follow`);
    expect(unfollowed.statusCode, unfollowed.body).toBe(204);
    expect(unfollowed.body).toBe("");
    expect((await counts(suspended.id)).follower_count).toBe(0);

    // Lifting the suspension does not bring the follow back.
    await setSuspended(null);
    const profile = ok<UserProfileResponse>(await as(t.app, fan, "GET", `/api/v1/users/${suspended.username}`));
    expect(profile.user).toMatchObject({ followerCount: 0, viewer: { following: false } });
    // A deleted account is still nobody.
    await t.db.database.primary
      .updateTable("users")
      .set({ deleted_at: new Date() })
      .where("id", "=", suspended.id)
      .execute();
    expect(errorCode(await as(t.app, fan, "DELETE", `/api/v1/users/${suspended.username}/follow`))).toBe("NOT_FOUND");
  });

  it("refuses to follow myself, anyone unknown, or anyone a block stands between", async () => {
    expect(errorCode(await as(t.app, fan, "PUT", `/api/v1/users/${fan.username}/follow`))).toBe("BAD_REQUEST");
    expect(errorCode(await as(t.app, fan, "PUT", "/api/v1/users/no-such-user/follow"))).toBe("NOT_FOUND");
    expect((await as(t.app, null, "PUT", `/api/v1/users/${creator.username}/follow`)).statusCode).toBe(401);

    const blocker = await buildPerson(t);
    ok(await as(t.app, fan, "PUT", `/api/v1/users/${blocker.username}/follow`));
    ok(await as(t.app, blocker, "PUT", `/api/v1/users/${fan.username}/follow`));
    expect((await as(t.app, blocker, "PUT", `/api/v1/me/blocks/${fan.username}`)).statusCode).toBe(204);
    // The block ended both follows, and keeps them from starting again, either way.
    expect(await counts(blocker.id)).toEqual({ follower_count: 0, following_count: 0 });
    expect(errorCode(await as(t.app, fan, "PUT", `/api/v1/users/${blocker.username}/follow`))).toBe("FORBIDDEN");
    expect(errorCode(await as(t.app, blocker, "PUT", `/api/v1/users/${fan.username}/follow`))).toBe("FORBIDDEN");
  });

  it("lists followers and followings, latest first, page by page, with whether I follow each", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const followers = await Promise.all(Array.from({ length: 5 }, () => buildPerson(t)));
    for (const follower of followers) ok(await as(t.app, follower, "PUT", `/api/v1/users/${star.username}/follow`));
    ok(await as(t.app, fan, "PUT", `/api/v1/users/${followers[1]?.username}/follow`));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: FollowPage = ok(
        await as(t.app, fan, "GET", `/api/v1/users/${star.username}/followers?limit=2${query}`),
      );
      for (const entry of page.items) {
        seen.push(entry.user.username);
        expect(entry.viewer).toEqual({ following: entry.user.id === followers[1]?.id });
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(followers.map((follower) => follower.username).reverse());

    const following = ok<FollowPage>(await as(t.app, null, "GET", `/api/v1/users/${followers[0]?.username}/following`));
    expect(following.items).toEqual([
      {
        user: { id: star.id, username: star.username, displayName: null, followerCount: 5 },
        followedAt: expect.any(String),
        viewer: null,
      },
    ]);
  });

  it("keeps counts exact when many follow at once, and when two follow each other at the same moment", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const crowd = await Promise.all(Array.from({ length: 20 }, () => buildPerson(t)));
    const answers = await Promise.all(
      [...crowd, ...crowd.slice(0, 5)].map((who) => as(t.app, who, "PUT", `/api/v1/users/${star.username}/follow`)),
    );
    expect(answers.every((response) => response.statusCode === 200)).toBe(true);
    expect((await counts(star.id)).follower_count).toBe(20);

    // Each pair follows each other at once: both rows change in each transaction, in one order.
    const pairs = crowd.slice(0, 10);
    const mutual = await Promise.all(
      pairs.flatMap((a, i) => {
        const b = pairs[(i + 1) % pairs.length] as Person;
        return [
          as(t.app, a, "PUT", `/api/v1/users/${b.username}/follow`),
          as(t.app, b, "PUT", `/api/v1/users/${a.username}/follow`),
        ];
      }),
    );
    expect(mutual.map((response) => response.statusCode)).toEqual(mutual.map(() => 200));
    for (const person of pairs) expect(await counts(person.id)).toEqual({ follower_count: 2, following_count: 3 });
  });

  it("keeps counts right when a follower's account is removed", async () => {
    const star = await buildPerson(t, { role: "creator" });
    const leaving = await buildPerson(t);
    ok(await as(t.app, leaving, "PUT", `/api/v1/users/${star.username}/follow`));
    ok(await as(t.app, star, "PUT", `/api/v1/users/${leaving.username}/follow`));
    await t.db.database.primary.deleteFrom("users").where("id", "=", leaving.id).execute();
    expect(await counts(star.id)).toEqual({ follower_count: 0, following_count: 0 });
  });
});
