import { mkdtemp, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { makeWav } from "../../../test/media.ts";
import { uploadTrack } from "../../../test/tracks.ts";

// The server's configuration allows everything below; the admin's settings decide.
const t = useTestApp({
  env: { UPLOAD_MAX_BYTES: String(50 * 1024 ** 2), STORAGE_QUOTA_BYTES: String(50 * 1024 ** 2) },
});
let admin: SignedIn;
let wav: string;
let wavBytes: number;
/** Over a megabyte: more than any fixed limit of the multipart parser would let through. */
let largeWav: string;
let largeWavBytes: number;

beforeAll(async () => {
  admin = await signIn(t.app, await buildUser(t.db.database, { role: "admin" }));
  const fixtures = await mkdtemp(path.join(os.tmpdir(), "stave-limits-"));
  wav = await makeWav(fixtures, { seconds: 2, sampleRate: 8000, channels: 1 });
  wavBytes = (await stat(wav)).size;
  largeWav = await makeWav(fixtures, { seconds: 10 });
  largeWavBytes = (await stat(largeWav)).size;
});

async function setLimits(payload: { defaultUploadLimitBytes?: number; defaultStorageQuotaBytes?: number }) {
  const response = await t.app.inject({
    method: "PATCH",
    url: "/api/v1/admin/settings",
    headers: admin.headers,
    payload,
  });
  expect(response.statusCode).toBe(200);
}

async function creator(quotaOverrideBytes: number | null = null) {
  const user = await buildUser(t.db.database, { role: "creator" });
  await t.db.database.primary
    .updateTable("users")
    .set({ storage_quota_bytes: quotaOverrideBytes })
    .where("id", "=", user.id)
    .execute();
  return signIn(t.app, user);
}

/** Starts a resumable (tus) upload of `size` bytes. */
const startResumable = (session: SignedIn, size: number) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/uploads",
    headers: {
      "tus-resumable": "1.0.0",
      ...session.headers,
      "upload-length": String(size),
      "upload-metadata": `filename ${Buffer.from("tone.wav").toString("base64")}`,
    },
  });

describe("upload limit from the instance settings", () => {
  it("applies to the next upload, multipart and resumable, without a restart", async () => {
    expect(largeWavBytes).toBeGreaterThan(1024 ** 2);
    const session = await creator();
    await setLimits({ defaultUploadLimitBytes: Math.floor(largeWavBytes / 2) });

    const tooLarge = await uploadTrack(t.app, session.headers, largeWav);
    expect(tooLarge.statusCode).toBe(413);
    expect(errorCode(tooLarge)).toBe("FILE_TOO_LARGE");
    const resumableTooLarge = await startResumable(session, largeWavBytes);
    expect(resumableTooLarge.statusCode).toBe(413);
    expect(errorCode(resumableTooLarge)).toBe("FILE_TOO_LARGE");

    await setLimits({ defaultUploadLimitBytes: 10 * 1024 ** 2 });
    const accepted = await uploadTrack(t.app, session.headers, largeWav);
    expect(accepted.statusCode).toBe(201);
    expect((await startResumable(session, largeWavBytes)).statusCode).toBe(201);
  });
});

describe("storage quota from the instance settings", () => {
  it("the default applies to users without their own quota", async () => {
    await setLimits({ defaultUploadLimitBytes: 10 * 1024 ** 2, defaultStorageQuotaBytes: wavBytes - 1 });
    const session = await creator();
    const refused = await uploadTrack(t.app, session.headers, wav);
    expect(refused.statusCode).toBe(413);
    expect(errorCode(refused)).toBe("QUOTA_EXCEEDED");
    expect(refused.json().error.details).toEqual({ usedBytes: 0, quotaBytes: wavBytes - 1 });

    await setLimits({ defaultStorageQuotaBytes: wavBytes });
    expect((await uploadTrack(t.app, session.headers, wav)).statusCode).toBe(201);
    // Now full: the same file again would go over.
    expect(errorCode(await uploadTrack(t.app, session.headers, wav))).toBe("QUOTA_EXCEEDED");
  });

  it("a user's own quota lets them upload past the default", async () => {
    await setLimits({ defaultStorageQuotaBytes: 1000 });
    const generous = await creator(10 * 1024 ** 2);
    expect((await uploadTrack(t.app, generous.headers, wav)).statusCode).toBe(201);
    expect((await uploadTrack(t.app, generous.headers, wav)).statusCode).toBe(201);
    expect((await startResumable(generous, wavBytes)).statusCode).toBe(201);
  });

  it("a user's own quota stops them under a generous default", async () => {
    await setLimits({ defaultStorageQuotaBytes: 10 * 1024 ** 2 });
    const tight = await creator(1000);
    const refused = await uploadTrack(t.app, tight.headers, wav);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { usedBytes: 0, quotaBytes: 1000 },
    });
    const resumable = await startResumable(tight, wavBytes);
    expect(resumable.statusCode).toBe(413);
    expect(errorCode(resumable)).toBe("QUOTA_EXCEEDED");
    // A quota of zero is a quota too (not "no override").
    const none = await creator(0);
    expect(errorCode(await uploadTrack(t.app, none.headers, wav))).toBe("QUOTA_EXCEEDED");
  });
});
