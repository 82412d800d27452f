import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildUser, signIn } from "../../../test/accounts.ts";
import { useTestApp } from "../../../test/app.ts";

const t = useTestApp();

describe("PUT /api/v1/admin/users/:id/role", () => {
  it("lets an admin change a role, audited with from and to", async () => {
    const adminUser = await buildUser(t.db.database, { role: "admin" });
    const admin = await signIn(t.app, adminUser);
    const target = await buildUser(t.db.database);
    const response = await t.app.inject({
      method: "PUT",
      url: `/api/v1/admin/users/${target.id}/role`,
      headers: admin.headers,
      payload: { role: "moderator" },
    });
    expect(response.json()).toEqual({ id: target.id, role: "moderator", previousRole: "user" });
    const audit = await t.db.database.primary
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "admin.role_change")
      .where("target_id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: adminUser.id, metadata: { from: "user", to: "moderator" } });
    const missing = await t.app.inject({
      method: "PUT",
      url: `/api/v1/admin/users/${randomUUID()}/role`,
      headers: admin.headers,
      payload: { role: "creator" },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("refuses everyone but admins", async () => {
    const target = await buildUser(t.db.database);
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(t.app, await buildUser(t.db.database, { role }));
      const response = await t.app.inject({
        method: "PUT",
        url: `/api/v1/admin/users/${target.id}/role`,
        headers: session.headers,
        payload: { role: "admin" },
      });
      expect(response.statusCode).toBe(403);
    }
    const row = await t.db.database.primary
      .selectFrom("users")
      .select("role")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe("user");
  });
});
