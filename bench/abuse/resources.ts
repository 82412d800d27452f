// The resource-limit cases against a real Stave (API and worker in one process, as
// `npm start` runs): a 10-hour silent FLAC, a 16,000 × 16,000 PNG as artwork, and 50 parallel
// resumable uploads declaring 1 GiB each, with what the creator got for each and the peak
// memory of the Stave process and of its ffmpeg children while it lasted. A 20-minute silent
// FLAC, within the limits, is processed for comparison.
//
//   npx tsx bench/abuse/resources.ts
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { generateAudio } from "../../test-support/audio.ts";
import { type BenchStave, makeWav, signedInCreator, startStave, waitUntilReady } from "../lib/stave.ts";

type Session = { cookie: string; csrfToken: string };

/** RSS of a process in MB, from /proc; 0 once it is gone. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The ffmpeg and ffprobe processes whose parent is `pid` (not the embedded PostgreSQL, also a child). */
async function mediaChildrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === pid && (name === "ffmpeg" || name === "ffprobe")) children.push(Number(entry));
  }
  return children;
}

/** Samples, every 100 ms, the Stave process's RSS and the sum of its ffmpeg children's at once. */
function memorySampler(pid: number) {
  let stavePeak = 0;
  let childrenPeak = 0;
  let sampling = Promise.resolve();
  const sample = async () => {
    stavePeak = Math.max(stavePeak, await rssMb(pid));
    let sum = 0;
    for (const child of await mediaChildrenOf(pid)) sum += await rssMb(child);
    childrenPeak = Math.max(childrenPeak, sum);
  };
  const timer = setInterval(() => {
    sampling = sampling.then(sample);
  }, 100);
  return async () => {
    clearInterval(timer);
    await sampling;
    await sample();
    return { stavePeak, childrenPeak };
  };
}

async function errorCodeOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return body.error ? `${body.error.code}: ${body.error.message}` : "created";
  } catch {
    return `(not JSON) ${text.slice(0, 80)}`;
  }
}

async function upload(stave: BenchStave, session: Session, files: { field: string; file: string }[]) {
  const form = new FormData();
  for (const { field, file } of files) form.set(field, new Blob([await readFile(file)]), path.basename(file));
  return fetch(`${stave.url}/api/v1/tracks`, {
    method: "POST",
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
    body: form,
  });
}

function silentFlac(dir: string, seconds: number): string {
  const file = path.join(dir, `silence-${seconds}s.flac`);
  return generateAudio(file, ["anullsrc=r=44100:cl=stereo"], ["-t", String(seconds), "-c:a", "flac"]);
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

async function measured<T>(stave: BenchStave, label: string, run: () => Promise<T>): Promise<T> {
  const stop = memorySampler(stave.child.pid as number);
  const started = performance.now();
  const result = await run();
  const { stavePeak, childrenPeak } = await stop();
  console.log(
    `  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s; Stave (API + worker) peak RSS ${stavePeak.toFixed(0)} MB, ffmpeg children peak RSS ${childrenPeak.toFixed(0)} MB`,
  );
  return result;
}

export async function runResourceCases(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), "stave-abuse-resources-"));
  const stave = await startStave();
  try {
    const session = await signedInCreator(stave);
    const pid = stave.child.pid as number;
    console.log(`resource limits (defaults: 3 h per track, 40 MP artwork, 2 processing per creator, 2 ffmpeg threads)`);
    console.log(`  Stave idle RSS ${(await rssMb(pid)).toFixed(0)} MB`);

    // 1. Ten hours of silence: a small file, ten hours of decoding and encoding if it got through.
    const tenHours = silentFlac(work, 10 * 3600);
    const long = await measured(stave, "10-hour silent FLAC upload", () =>
      upload(stave, session, [{ field: "file", file: tenHours }]),
    );
    console.log(`    ${mb((await stat(tenHours)).size)} file → HTTP ${long.status} ${await errorCodeOf(long)}`);

    // 2. 16,000 × 16,000 pixels: a few hundred KB of PNG, ~768 MB once decoded.
    const png = path.join(work, "huge.png");
    await sharp({ create: { width: 16_000, height: 16_000, channels: 3, background: "#3a6ea5" } })
      .png({ compressionLevel: 9 })
      .toFile(png);
    const wav = await makeWav(work, 5);
    const artwork = await measured(stave, "16,000 × 16,000 PNG as artwork", () =>
      upload(stave, session, [
        { field: "file", file: wav },
        { field: "artwork", file: png },
      ]),
    );
    console.log(`    ${mb((await stat(png)).size)} PNG → HTTP ${artwork.status} ${await errorCodeOf(artwork)}`);

    // 3. Fifty resumable uploads of 1 GiB each, created at once, against the 10 GiB default quota.
    const created = await measured(stave, "50 parallel 1 GiB resumable uploads (created)", () =>
      Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          fetch(`${stave.url}/api/v1/uploads`, {
            method: "POST",
            headers: {
              cookie: session.cookie,
              "x-csrf-token": session.csrfToken,
              "tus-resumable": "1.0.0",
              "upload-length": String(1024 ** 3),
              "upload-metadata": `filename ${Buffer.from(`part-${index}.wav`).toString("base64")}`,
            },
          }),
        ),
      ),
    );
    const outcomes = new Map<string, number>();
    for (const response of created) {
      const key = response.status === 201 ? "201 created" : `${response.status} ${await errorCodeOf(response)}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    for (const [outcome, count] of outcomes) console.log(`    ${count} × ${outcome}`);
    // Cancel the accepted ones: their room comes back at once.
    for (const response of created.filter((answer) => answer.status === 201)) {
      await fetch(new URL(response.headers.get("location") as string, stave.url), {
        method: "DELETE",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "tus-resumable": "1.0.0" },
      });
    }

    // 4. For comparison, within the limits: a 20-minute silent FLAC, uploaded and processed.
    const twentyMinutes = silentFlac(work, 20 * 60);
    await measured(stave, "20-minute silent FLAC, uploaded and processed to ready", async () => {
      const response = await upload(stave, session, [{ field: "file", file: twentyMinutes }]);
      if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
      const { track } = (await response.json()) as { track: { id: string } };
      await waitUntilReady(stave, track.id, session.cookie);
    });
  } finally {
    await stave.stop();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runResourceCases();
}
