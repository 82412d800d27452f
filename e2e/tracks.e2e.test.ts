import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAudio } from "../test-support/audio.ts";
import { linksMailedTo, useStaveAndBrowser } from "./harness.ts";

/** Eight seconds of a stereo chord, made by ffmpeg. */
async function makeWav(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "stave-e2e-audio-")), "first-light.wav");
  return generateAudio(file, ["sine=frequency=330:duration=8:sample_rate=44100"], ["-ac", "2"]);
}

describe("uploading and playing a track", () => {
  const t = useStaveAndBrowser();

  it("a creator uploads in the browser, watches it process, presses play, and the time advances", async () => {
    const { url, dataDir } = t.stave;
    const password = "tuning-fork-harmony-77";
    const registered = await fetch(`${url}/api/v1/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "grace@example.com", username: "grace", password }),
    });
    expect(registered.status).toBe(201);
    const verifyLink = (await linksMailedTo(dataDir, "grace@example.com")).find((link) =>
      link.includes("verify-email"),
    );
    // The token is in the fragment (#token=…), which browsers never send to a server.
    const token = new URLSearchParams(new URL(verifyLink as string).hash.slice(1)).get("token");
    await fetch(`${url}/api/v1/auth/verify-email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });

    const context = await t.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    const signIn = page.getByRole("form", { name: "Sign in" });
    await signIn.getByLabel("Email or username").fill("grace");
    await signIn.getByLabel("Password").fill(password);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("banner").getByText("grace").waitFor();
    await page.goto(`${url}/settings`);
    await page.getByRole("button", { name: "Become an artist" }).click();
    await page.getByText("You're now an artist.", { exact: false }).waitFor();

    await page.goto(`${url}/upload`);
    await page.getByTestId("upload-file-input").setInputFiles(await makeWav());
    await page.getByRole("button", { name: "Upload all" }).click();
    await page.getByRole("status").filter({ hasText: "Ready" }).waitFor({ timeout: 60_000 });
    await page.getByRole("link", { name: /Open “first-light”/ }).click();
    await page.getByRole("heading", { level: 1, name: "first-light" }).waitFor();

    const player = page.getByRole("contentinfo", { name: "Player" });
    await page.getByRole("button", { name: "Play first-light" }).click();
    await player.getByRole("button", { name: "Pause" }).waitFor();
    const time = page.getByTestId("player-current-time");
    await expect
      .poll(async () => Number(await time.getAttribute("data-seconds")), { timeout: 20_000 })
      .toBeGreaterThan(1);
    await context.close();
  });
});
