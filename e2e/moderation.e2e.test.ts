import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAudio } from "../test-support/audio.ts";
import { type RunningStave, runStaveCommand, useStaveAndBrowser } from "./harness.ts";
import { type Person, postJson, registerVerified, signedInPage } from "./people.ts";

const moderator: Person = { email: "mona@example.com", username: "mona", password: "careful-reader-2026" };
const owner: Person = { email: "otis@example.com", username: "otis", password: "sampler-crate-digger-9" };
const reporter: Person = { email: "rita@example.com", username: "rita", password: "liner-notes-archive-4" };

/** Registers and verifies through the API with the mailed link, then signs in: cookie and CSRF token. */
async function signedUp(stave: RunningStave, person: Person) {
  await registerVerified(stave, person);
  const login = await postJson(stave, "/api/v1/auth/login", { login: person.username, password: person.password });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken };
}

/** A creator's public track, uploaded through the API and processed by the real worker. */
async function publishTrack(stave: RunningStave, session: Record<string, string>, title: string) {
  expect((await postJson(stave, "/api/v1/users/me/upgrade-creator", {}, session)).ok).toBe(true);
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "stave-e2e-audio-")), "tune.wav");
  generateAudio(file, ["sine=frequency=392:duration=8:sample_rate=44100"], ["-ac", "2"]);
  const form = new FormData();
  form.set("file", new Blob([await readFile(file)]), "tune.wav");
  form.set("title", title);
  form.set("visibility", "public");
  const uploaded = await fetch(`${stave.url}/api/v1/tracks`, { method: "POST", headers: session, body: form });
  expect(uploaded.status).toBe(201);
  const { id } = ((await uploaded.json()) as { track: { id: string } }).track;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${stave.url}/api/v1/tracks/${id}`, { headers: session });
        return ((await response.json()) as { track: { status: string } }).track.status;
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe("ready");
  return id;
}

describe("moderation", () => {
  // The instance's moderator is made by an operator with the CLI, before Stave starts.
  const t = useStaveAndBrowser(
    {},
    {
      prepare: (dataDir) =>
        runStaveCommand(dataDir, [
          "admin",
          "create-user",
          ...["--email", moderator.email, "--username", moderator.username],
          ...["--role", "moderator", "--password", moderator.password],
        ]),
    },
  );

  it("a listener reports a track, a moderator takes it down, the owner sees why, and it no longer plays", async () => {
    const title = "Borrowed Tune";
    const ownerSession = await signedUp(t.stave, owner);
    const trackId = await publishTrack(t.stave, ownerSession, title);
    await signedUp(t.stave, reporter);

    // Rita plays the track (so her player holds a signed media URL), then reports it.
    const rita = await signedInPage(t.browser, t.stave, reporter);
    await rita.goto(`${t.stave.url}/tracks/${trackId}`);
    const masterPlaylist = rita.waitForResponse((response) => /\/media\/.*master\.m3u8$/.test(response.url()));
    await rita.getByRole("button", { name: `Play ${title}` }).click();
    const signedUrl = (await masterPlaylist).url();
    expect((await fetch(signedUrl)).status).toBe(200);

    await rita.getByRole("button", { name: "Report this track" }).click();
    const reportForm = rita.getByRole("form", { name: "Report this track" });
    await reportForm.getByLabel("Reason").selectOption({ label: "Copyright infringement" });
    await reportForm.getByLabel("Details").fill("This is my label's recording, uploaded without permission.");
    await reportForm.getByRole("button", { name: "Send report" }).click();
    await rita.getByText("Your report was sent", { exact: false }).waitFor();

    // Mona finds it in the moderation queue and takes the track down as a copyright claim.
    const mona = await signedInPage(t.browser, t.stave, moderator);
    await mona.getByRole("banner").getByRole("link", { name: "Moderation" }).click();
    await mona.getByRole("button", { name: `Resolve report on ${title}` }).click();
    const resolveForm = mona.getByRole("form", { name: "Resolve report" });
    await resolveForm.getByLabel("Take the track down").check();
    expect(await resolveForm.getByLabel("It's a copyright claim").isChecked()).toBe(true);
    await resolveForm.getByLabel("Note").fill("Copyright claim by Harbour Records");
    await resolveForm.getByRole("button", { name: "Resolve" }).click();
    // The dialog closes on success; a refusal would stay in it as an alert, said here.
    await resolveForm.waitFor({ state: "detached", timeout: 60_000 }).catch(async (error) => {
      throw new Error(`resolving failed: ${await resolveForm.textContent()}`, { cause: error });
    });
    await mona.getByText("No open reports. All caught up.").waitFor();

    // Otis, the owner, sees the track hidden and why; it will not play, not even for him.
    const otis = await signedInPage(t.browser, t.stave, owner);
    await otis.goto(`${t.stave.url}/tracks/${trackId}`);
    await otis
      .getByText("This track was taken down after a copyright claim: Copyright claim by Harbour Records")
      .waitFor();
    const ownerStream = await fetch(`${t.stave.url}/api/v1/tracks/${trackId}/stream`, { headers: ownerSession });
    expect(ownerStream.ok).toBe(false);

    // The URL Rita's player was given before the takedown stops working at once.
    expect((await fetch(signedUrl)).status).toBe(404);
    // For Rita the track is gone, and she is told what came of her report.
    await rita.goto(`${t.stave.url}/tracks/${trackId}`);
    await rita.getByRole("button", { name: `Play ${title}` }).waitFor({ state: "detached" });
    await rita.goto(`${t.stave.url}/notifications`);
    await rita.getByText(`Thanks for your report: the track "${title}" was taken down`, { exact: false }).waitFor();
  });
});
