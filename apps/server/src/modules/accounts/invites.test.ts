import { createdInviteSchema, inviteCodeListSchema } from "@stave/contracts";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEntries, buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { silentLogger } from "../../../test/database.ts";
import { createUserAsOperator } from "./operator.service.ts";

const t = useTestApp();
let admin: SignedIn;
let adminId: string;
let ipCounter = 0;
// Each sign-up comes from its own address, so the per-IP limit never bites here.
const freshIp = () => `198.51.100.${++ipCounter}`;
let userCounter = 0;

beforeAll(async () => {
  const adminUser = await buildUser(t.db.database, { role: "admin" });
  adminId = adminUser.id;
  admin = await signIn(t.app, adminUser);
});

const setMode = async (registrationMode: "open" | "closed" | "invite") => {
  const response = await t.app.inject({
    method: "PATCH",
    url: "/api/v1/admin/settings",
    headers: admin.headers,
    payload: { registrationMode },
  });
  expect(response.statusCode).toBe(200);
};

const register = (inviteCode?: string) => {
  userCounter += 1;
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: {
      email: `invitee${userCounter}@example.com`,
      username: `invitee${userCounter}`,
      password: "tuning-fork-harmony-7",
      ...(inviteCode !== undefined && { inviteCode }),
    },
    remoteAddress: freshIp(),
  });
};

async function createInvite(payload: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/admin/invites",
    headers: admin.headers,
    payload,
  });
  expect(response.statusCode).toBe(201);
  return createdInviteSchema.parse(response.json());
}

const listInvites = async () =>
  inviteCodeListSchema.parse(
    (await t.app.inject({ url: "/api/v1/admin/invites", headers: { cookie: admin.cookie } })).json(),
  ).items;

const auditOf = (action: string, targetId: string) => auditEntries(t.db.database, action, { targetId });

describe("invite codes", () => {
  it("are shown once when made, then listed by their first characters only, and audited", async () => {
    const invite = await createInvite({ note: "for the choir", maxUses: 3, expiresInDays: 7 });
    expect(invite.code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(invite).toMatchObject({ note: "for the choir", maxUses: 3, uses: 0, revokedAt: null });
    expect(invite.code.startsWith(invite.hint)).toBe(true);
    expect(invite.hint.length).toBeLessThan(invite.code.length / 2);
    const days = (Date.parse(invite.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const listed = (await listInvites()).find((item) => item.id === invite.id);
    const { code: _shownOnce, ...withoutCode } = invite;
    expect(listed).toEqual(withoutCode);
    expect(JSON.stringify(await listInvites())).not.toContain(invite.code);
    const stored = await t.db.database.primary
      .selectFrom("invite_codes")
      .selectAll()
      .where("id", "=", invite.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(invite.code);

    const [created] = await auditOf("admin.invite_create", invite.id);
    expect(created).toMatchObject({ actor_id: adminId, target_type: "invite" });
    expect(JSON.stringify(created)).not.toContain(invite.code);
  });

  it("can be revoked (audited); an unknown one is 404", async () => {
    const invite = await createInvite();
    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/admin/invites/${invite.id}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await listInvites()).find((item) => item.id === invite.id)?.revokedAt).toEqual(expect.any(String));
    expect(await auditOf("admin.invite_revoke", invite.id)).toHaveLength(1);
    const unknown = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/admin/invites/00000000-0000-4000-8000-000000000000",
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("are for admins only", async () => {
    const invite = await createInvite();
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(t.app, await buildUser(t.db.database, { role }));
      const attempts = [
        t.app.inject({ method: "POST", url: "/api/v1/admin/invites", headers: session.headers, payload: {} }),
        t.app.inject({ url: "/api/v1/admin/invites", headers: { cookie: session.cookie } }),
        t.app.inject({ method: "DELETE", url: `/api/v1/admin/invites/${invite.id}`, headers: session.headers }),
      ];
      for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    }
    expect((await listInvites()).find((item) => item.id === invite.id)?.revokedAt).toBeNull();
  });
});

describe("registration modes", () => {
  it("closed: nobody signs up, but the operator's command line still makes accounts", async () => {
    await setMode("closed");
    const response = await register();
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("REGISTRATION_CLOSED");
    const made = await createUserAsOperator(t.db.database.primary, silentLogger, {
      email: "operator-made@example.com",
      username: "operator_made",
      role: "creator",
    });
    expect(made.role).toBe("creator");
    await setMode("open");
    expect((await register()).statusCode).toBe(201);
  });

  it("invite: a missing, unknown, used-up, expired or revoked code is refused; a fresh one is accepted once", async () => {
    await setMode("invite");
    try {
      for (const code of [undefined, "not-a-real-code"]) {
        const response = await register(code);
        expect(response.statusCode).toBe(403);
        expect(errorCode(response)).toBe("INVITE_CODE_INVALID");
      }

      const fresh = await createInvite();
      const accepted = await register(fresh.code);
      expect(accepted.statusCode).toBe(201);
      const userId = accepted.json().user.id;
      const [registered] = await auditEntries(t.db.database, "user.register", { actorId: userId });
      expect(registered?.metadata).toEqual({ inviteId: fresh.id });
      expect((await listInvites()).find((item) => item.id === fresh.id)?.uses).toBe(1);

      const usedUp = await register(fresh.code);
      expect(usedUp.statusCode).toBe(403);
      expect(errorCode(usedUp)).toBe("INVITE_CODE_INVALID");

      const expired = await createInvite({ expiresInDays: 1 });
      await t.db.database.primary
        .updateTable("invite_codes")
        .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
        .where("id", "=", expired.id)
        .execute();
      expect(errorCode(await register(expired.code))).toBe("INVITE_CODE_INVALID");

      const revoked = await createInvite();
      await t.app.inject({ method: "DELETE", url: `/api/v1/admin/invites/${revoked.id}`, headers: admin.headers });
      expect(errorCode(await register(revoked.code))).toBe("INVITE_CODE_INVALID");

      const shared = await createInvite({ maxUses: 2 });
      expect((await register(shared.code)).statusCode).toBe(201);
      expect((await register(shared.code)).statusCode).toBe(201);
      expect(errorCode(await register(shared.code))).toBe("INVITE_CODE_INVALID");
    } finally {
      await setMode("open");
    }
  });

  it("invite: a refused sign-up does not spend the code", async () => {
    await setMode("invite");
    try {
      const invite = await createInvite();
      const taken = await buildUser(t.db.database);
      const clash = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/register",
        payload: {
          email: taken.email,
          username: "someone_new",
          password: "tuning-fork-harmony-7",
          inviteCode: invite.code,
        },
        remoteAddress: freshIp(),
      });
      expect(errorCode(clash)).toBe("EMAIL_TAKEN");
      expect((await listInvites()).find((item) => item.id === invite.id)?.uses).toBe(0);
      expect((await register(invite.code)).statusCode).toBe(201);
    } finally {
      await setMode("open");
    }
  });

  it("invite: two people racing for a one-use code, exactly one gets an account", async () => {
    await setMode("invite");
    try {
      for (let round = 0; round < 3; round++) {
        const invite = await createInvite();
        const results = await Promise.all([register(invite.code), register(invite.code), register(invite.code)]);
        const statuses = results.map((response) => response.statusCode).sort();
        expect(statuses).toEqual([201, 403, 403]);
        for (const refused of results.filter((response) => response.statusCode === 403)) {
          expect(errorCode(refused)).toBe("INVITE_CODE_INVALID");
        }
        const row = await t.db.database.primary
          .selectFrom("invite_codes")
          .select("uses")
          .where("id", "=", invite.id)
          .executeTakeFirstOrThrow();
        expect(row.uses).toBe(1);
      }
    } finally {
      await setMode("open");
    }
  });
});
