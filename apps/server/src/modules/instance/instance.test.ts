import { instanceInfoSchema, instanceSettingsSchema } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { auditEntries, buildUser, latestMailTo, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, useTestApp } from "../../../test/app.ts";
import { waitFor } from "../../../test/wait.ts";

const t = useTestApp({ env: { SITE_NAME: "Configured Stave" } });

const asAdmin = async () => signIn(t.app, await buildUser(t.db.database, { role: "admin" }));
const patchSettings = (session: SignedIn, payload: Record<string, unknown>) =>
  t.app.inject({ method: "PATCH", url: "/api/v1/admin/settings", headers: session.headers, payload });
const instanceInfo = async (app = t.app) =>
  instanceInfoSchema.parse((await app.inject({ url: "/api/v1/instance" })).json());

describe("instance settings", () => {
  it("start from the server's configuration, and are public where the web shell needs them", async () => {
    const admin = await asAdmin();
    const settings = instanceSettingsSchema.parse(
      (await t.app.inject({ url: "/api/v1/admin/settings", headers: { cookie: admin.cookie } })).json(),
    );
    expect(settings).toMatchObject({
      registrationMode: "open",
      siteName: "Configured Stave",
      siteDescription: "",
      defaultUploadLimitBytes: 1024 ** 3,
      defaultStorageQuotaBytes: 10 * 1024 ** 3,
    });
    expect(await instanceInfo()).toEqual({
      name: "Configured Stave",
      version: expect.any(String),
      description: "",
      registrationMode: "open",
      termsText: "",
      privacyText: "",
    });
  });

  it("are changed by an admin, audited with the keys that changed, and shown publicly at once", async () => {
    const adminUser = await buildUser(t.db.database, { role: "admin" });
    const admin = await signIn(t.app, adminUser);
    const response = await patchSettings(admin, {
      siteName: "Night Radio",
      siteDescription: "Music made after dark",
      termsText: "Be kind.",
      privacyText: "We keep what we must.",
      // Unchanged: not counted as a change.
      registrationMode: "open",
    });
    expect(response.statusCode).toBe(200);
    expect(instanceSettingsSchema.parse(response.json())).toMatchObject({
      siteName: "Night Radio",
      siteDescription: "Music made after dark",
      registrationMode: "open",
    });
    expect(await instanceInfo()).toMatchObject({
      name: "Night Radio",
      description: "Music made after dark",
      termsText: "Be kind.",
      privacyText: "We keep what we must.",
    });

    const audit = await auditEntries(t.db.database, "admin.settings_change", { actorId: adminUser.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.metadata).toEqual({
      changed: ["siteName", "siteDescription", "termsText", "privacyText"],
      to: { siteName: "Night Radio" },
    });

    // Nothing new: nothing written, nothing audited.
    expect((await patchSettings(admin, { siteName: "Night Radio" })).statusCode).toBe(200);
    const again = await auditEntries(t.db.database, "admin.settings_change", { actorId: adminUser.id });
    expect(again).toHaveLength(1);
  });

  it("reach another API process without a restart", async () => {
    const admin = await asAdmin();
    const otherProcess = await buildTestApp(t.db.database, { env: { SITE_NAME: "Configured Stave" } });
    try {
      // The other process has read (and keeps) the settings before the change.
      const before = (await instanceInfo(otherProcess)).name;
      expect((await patchSettings(admin, { siteName: "Renamed Elsewhere" })).statusCode).toBe(200);
      expect(before).not.toBe("Renamed Elsewhere");
      await waitFor(
        async () => ((await instanceInfo(otherProcess)).name === "Renamed Elsewhere" ? true : undefined),
        5000,
        "the other process to see the new name",
      );
    } finally {
      await otherProcess.close();
    }
  });

  it("name the site in the mails sent from then on", async () => {
    const admin = await asAdmin();
    await patchSettings(admin, { siteName: "Harbour Sounds" });
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email: "mira@example.com", username: "mira", password: "tuning-fork-harmony-7" },
      remoteAddress: "198.51.100.90",
    });
    expect(response.statusCode).toBe(201);
    const mail = await latestMailTo(t.db.database, "mira@example.com");
    expect(mail?.subject).toBe("Verify your email for Harbour Sounds");
    expect(mail?.text_body).toContain("— Harbour Sounds");
  });

  it("refuse values outside their limits, and a blank site name, with 400 and keep the old ones", async () => {
    const admin = await asAdmin();
    const before = (await t.app.inject({ url: "/api/v1/admin/settings", headers: { cookie: admin.cookie } })).json();
    for (const payload of [
      { siteName: "" },
      { siteName: "   " },
      { registrationMode: "sometimes" },
      { defaultUploadLimitBytes: 0 },
      { defaultStorageQuotaBytes: -1 },
      { siteDescription: "x".repeat(1001) },
    ]) {
      const response = await patchSettings(admin, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("VALIDATION_FAILED");
    }
    const after = (await t.app.inject({ url: "/api/v1/admin/settings", headers: { cookie: admin.cookie } })).json();
    expect(after).toEqual(before);
  });

  it("are for admins only", async () => {
    expect((await t.app.inject({ url: "/api/v1/admin/settings" })).statusCode).toBe(401);
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(t.app, await buildUser(t.db.database, { role }));
      const read = await t.app.inject({ url: "/api/v1/admin/settings", headers: { cookie: session.cookie } });
      expect(read.statusCode).toBe(403);
      const write = await patchSettings(session, { registrationMode: "closed" });
      expect(write.statusCode).toBe(403);
      expect(write.json().error.code).toBe("FORBIDDEN");
    }
    expect((await instanceInfo()).registrationMode).toBe("open");
  });
});
