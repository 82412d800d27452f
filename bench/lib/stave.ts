// Helpers shared by benchmarks: start a real Stave (embedded PostgreSQL, a fresh DATA_DIR or
// a kept one), make a creator, upload a track and wait for it to be ready.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { generateAudio } from "../../test-support/audio.ts";
import { type RunningStave, type StartOptions, startStave as startTestStave } from "../../test-support/stave.ts";

export { freePort, repoRoot } from "../../test-support/stave.ts";
export type BenchStave = RunningStave;

/** A Stave for a benchmark; its output goes to the terminal. */
export function startStave(
  env: Record<string, string> = {},
  options: Pick<StartOptions, "dataDir" | "command"> = {},
): Promise<BenchStave> {
  return startTestStave(env, {
    ...options,
    tempPrefix: "stave-bench-",
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
    nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
  });
}

/** A creator the way a person becomes one: register, verify from the outbox, sign in, upgrade. */
export async function signedInCreator(stave: BenchStave) {
  const password = "tuning-fork-harmony-77";
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stave.url}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const registered = await post("/api/v1/auth/register", { email: "bench@example.com", username: "bench", password });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  const token = await verificationToken(stave.dataDir);
  await post("/api/v1/auth/verify-email", { token });
  const session = await signIn(stave, "bench", password);
  const upgraded = await post(
    "/api/v1/users/me/upgrade-creator",
    {},
    { cookie: session.cookie, "x-csrf-token": session.csrfToken },
  );
  if (!upgraded.ok) throw new Error(`upgrade failed: ${upgraded.status}`);
  return session;
}

/** The verification token mailed (to `email`, when given) to the outbox of a bench Stave. */
export async function verificationToken(dataDir: string, email?: string): Promise<string> {
  const outbox = path.join(dataDir, "outbox");
  for (let waited = 0; waited < 15_000; waited += 100) {
    for (const file of existsSync(outbox) ? await readdir(outbox) : []) {
      const raw = (await readFile(path.join(outbox, file), "utf8")).replace(/=\r?\n/g, "").replaceAll("=3D", "=");
      const token = /verify-email#token=([A-Za-z0-9_-]+)/.exec(raw)?.[1];
      if (token && (email === undefined || raw.includes(email))) return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no verification mail in the outbox");
}

export async function signIn(stave: BenchStave, login: string, password: string) {
  const response = await fetch(`${stave.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A stereo 44.1 kHz WAV of `seconds` of music-like tones, made by ffmpeg. */
export async function makeWav(dir: string, seconds: number): Promise<string> {
  return generateAudio(
    path.join(dir, `bench-${seconds}s.wav`),
    [
      `sine=frequency=220:sample_rate=44100:duration=${seconds}`,
      `sine=frequency=331:sample_rate=44100:duration=${seconds}`,
    ],
    ["-filter_complex", "[0:a][1:a]amerge=inputs=2[a]", "-map", "[a]", "-c:a", "pcm_s16le"],
  );
}

export async function uploadTrack(stave: BenchStave, session: { cookie: string; csrfToken: string }, file: string) {
  const form = new FormData();
  form.set("file", new Blob([await readFile(file)]), path.basename(file));
  form.set("visibility", "public");
  const response = await fetch(`${stave.url}/api/v1/tracks`, {
    method: "POST",
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    body: form,
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { track: { id: string } }).track.id;
}

export async function waitUntilReady(stave: BenchStave, trackId: string, cookie: string) {
  for (;;) {
    const response = await fetch(`${stave.url}/api/v1/tracks/${trackId}`, { headers: { cookie } });
    const { track } = (await response.json()) as { track: { status: string; failureReason: string | null } };
    if (track.status === "ready") return;
    if (track.status === "failed") throw new Error(`processing failed: ${track.failureReason}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
