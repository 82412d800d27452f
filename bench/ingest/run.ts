// bench/ingest: a 4-minute stereo 44.1 kHz WAV from the start of its upload request to
// `ready`, against one plain ffmpeg command producing the same three HLS renditions, in one
// run (target ratio ≤ 0.8). Then the Stave process's memory growth while it receives a
// ~1 GiB upload (target < 100 MB): uploads stream to disk, never into memory.
import { execFileSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { generateAudio } from "../../test-support/audio.ts";
import { makeWav, signedInCreator, startStave, uploadTrack, waitUntilReady } from "../lib/stave.ts";

const runs = Number(process.env.INGEST_RUNS ?? 3);

function plainFfmpeg(wav: string, out: string) {
  const started = performance.now();
  const args = ["-hide_banner", "-loglevel", "error", "-y", "-i", wav];
  for (const bitrate of ["64k", "128k", "256k"]) {
    args.push(
      "-map",
      "0:a",
      "-c:a",
      "aac",
      "-b:a",
      bitrate,
      "-ar",
      "44100",
      "-ac",
      "2",
      "-f",
      "hls",
      "-hls_time",
      "6",
      "-hls_playlist_type",
      "vod",
      "-hls_segment_type",
      "fmp4",
      "-hls_fmp4_init_filename",
      `init-${bitrate}.mp4`,
      "-hls_segment_filename",
      path.join(out, `${bitrate}-%05d.m4s`),
      path.join(out, `${bitrate}.m3u8`),
    );
  }
  execFileSync("ffmpeg", args);
  return performance.now() - started;
}

/** RSS of a process in MB, from /proc. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function uploadStreaming(url: string, session: { cookie: string; csrfToken: string }, file: string) {
  const boundary = `----stavebench${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = (await stat(file)).size;
  async function* body() {
    yield head;
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
    yield tail;
  }
  const response = await fetch(`${url}/api/v1/tracks`, {
    method: "POST",
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(head.length + size + tail.length),
    },
    body: Readable.toWeb(Readable.from(body())),
    duplex: "half",
  } as RequestInit);
  return response.status;
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), "stave-bench-ingest-"));
  const stave = await startStave();
  try {
    const session = await signedInCreator(stave);
    const wav = await makeWav(work, 240);
    console.log(
      `bench/ingest: 4-minute stereo 44.1 kHz WAV (${((await stat(wav)).size / 1024 ** 2).toFixed(1)} MB), ${runs} runs each`,
    );
    const baseline: number[] = [];
    const stave_: number[] = [];
    for (let run = 0; run < runs; run++) {
      const out = path.join(work, `plain-${run}`);
      await mkdir(out);
      baseline.push(plainFfmpeg(wav, out));
      await rm(out, { recursive: true, force: true });
      const started = performance.now();
      const trackId = await uploadTrack(stave, session, wav);
      await waitUntilReady(stave, trackId, session.cookie);
      stave_.push(performance.now() - started);
      console.log(
        `  run ${run + 1}: plain ffmpeg ${((baseline.at(-1) ?? 0) / 1000).toFixed(2)} s, Stave upload→ready ${((stave_.at(-1) ?? 0) / 1000).toFixed(2)} s`,
      );
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const ratio = median(stave_) / median(baseline);
    console.log(
      `median: plain ffmpeg ${(median(baseline) / 1000).toFixed(2)} s, Stave ${(median(stave_) / 1000).toFixed(2)} s, ratio ${ratio.toFixed(2)} (target ≤ 0.8: ${ratio <= 0.8 ? "met" : "MISSED"})`,
    );

    if (process.env.SKIP_BIG_UPLOAD !== "1") {
      const big = generateAudio(
        path.join(work, "big.wav"),
        ["anoisesrc=d=6000:r=44100:a=0.1"],
        ["-ac", "2", "-c:a", "pcm_s16le"],
      );
      const pid = stave.child.pid as number;
      const before = await rssMb(pid);
      let peak = before;
      const sampler = setInterval(() => void rssMb(pid).then((mb) => (peak = Math.max(peak, mb))), 100);
      const status = await uploadStreaming(stave.url, session, big);
      clearInterval(sampler);
      console.log(
        `1 GiB upload (${((await stat(big)).size / 1024 ** 3).toFixed(2)} GiB): HTTP ${status}; Stave RSS ${before.toFixed(0)} MB → peak ${peak.toFixed(0)} MB, growth ${(peak - before).toFixed(0)} MB (target < 100 MB: ${peak - before < 100 ? "met" : "MISSED"})`,
      );
    }
  } finally {
    await stave.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
