// bench/stream: requests per second and p99 latency of signed HLS segment URLs served by
// Stave, by nginx verifying the same signature with secure_link, and by plain nginx
// serving the same file: one run, the same wrk settings, side by side.
// Targets: Stave ≥ 0.3 × plain nginx; nginx + secure_link ≥ 0.9 × plain nginx.
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, makeWav, signedInCreator, startStave, uploadTrack, waitUntilReady } from "../lib/stave.ts";

const duration = process.env.WRK_DURATION ?? "10s";
const connections = process.env.WRK_CONNECTIONS ?? "50";

function wrk(url: string) {
  const output = execFileSync("wrk", ["-t2", `-c${connections}`, `-d${duration}`, "--latency", url], {
    encoding: "utf8",
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p99 = /99%\s+([\d.]+\w+)/.exec(output)?.[1] ?? "?";
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  if (non2xx > 0) throw new Error(`${url}: ${non2xx} failed responses`);
  return { rps, p99 };
}

async function main() {
  const secret = "bench-media-signing-secret-0123456789";
  const stave = await startStave({ MEDIA_SIGNING_SECRET: secret });
  const work = await mkdtemp(path.join(os.tmpdir(), "stave-bench-stream-"));
  let nginx: ReturnType<typeof spawn> | null = null;
  try {
    const session = await signedInCreator(stave);
    const trackId = await uploadTrack(stave, session, await makeWav(work, 60));
    await waitUntilReady(stave, trackId, session.cookie);
    const { url: masterUrl } = (await (await fetch(`${stave.url}/api/v1/tracks/${trackId}/stream`)).json()) as {
      url: string;
    };
    const base = masterUrl.slice(0, masterUrl.lastIndexOf("/") + 1);
    const master = await (await fetch(masterUrl)).text();
    const rendition = master.split("\n").find((line) => line.includes("128k")) ?? "";
    const renditionBody = await (await fetch(base + rendition)).text();
    const segment = renditionBody.split("\n").find((line) => line.endsWith(".m4s")) ?? "";
    const segmentPath = `${rendition.slice(0, rendition.lastIndexOf("/") + 1)}${segment}`;
    const staveSegmentUrl = base + segmentPath;
    const size = (await (await fetch(staveSegmentUrl)).arrayBuffer()).byteLength;
    const signedPath = new URL(staveSegmentUrl).pathname; // /media/<sig>/<expires>/tracks/<id>/hls/<v>/<file>
    const mediaRoot = path.join(stave.dataDir, "media");
    const storedFile = signedPath.split("/").slice(4).join("/");

    const nginxPort = await freePort();
    const config = path.join(work, "nginx.conf");
    await writeFile(
      config,
      `worker_processes 1;
${process.getuid?.() === 0 ? "user root;" : ""}
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    location /plain/ { alias ${mediaRoot}/; default_type audio/iso.segment; }
    location ~ "^/media/(?<media_sig>[A-Za-z0-9_-]+)/(?<media_expires>\\d+)/(?<media_prefix>tracks/[0-9a-f-]{36}/hls/[A-Za-z0-9_-]+/)(?<media_file>(?:[A-Za-z0-9_-]+/)?[A-Za-z0-9_.-]+)$" {
      secure_link $media_sig,$media_expires;
      secure_link_md5 "$media_expires$media_prefix ${secret}";
      if ($secure_link = "") { return 403; }
      if ($secure_link = "0") { return 403; }
      default_type audio/iso.segment;
      alias ${mediaRoot}/$media_prefix$media_file;
    }
  }
}
`,
    );
    nginx = spawn("nginx", ["-c", config, "-p", `${work}/`], { stdio: "inherit" });
    for (let waited = 0; !(await fetch(`http://127.0.0.1:${nginxPort}/`).catch(() => null)); waited += 100) {
      if (waited > 5000)
        throw new Error(`nginx did not start: ${await readFile(path.join(work, "error.log"), "utf8").catch(() => "")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const nginxBase = `http://127.0.0.1:${nginxPort}`;
    const plainUrl = `${nginxBase}/plain/${storedFile}`;
    const secureUrl = `${nginxBase}${signedPath}${new URL(staveSegmentUrl).search}`;
    for (const url of [plainUrl, secureUrl]) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`nginx refused ${url}: ${response.status}`);
    }
    const tampered = await fetch(secureUrl.replace("/media/", "/media/x"));
    if (tampered.status !== 403) throw new Error(`nginx accepted a tampered signature (${tampered.status})`);

    console.log(`bench/stream: one ${(size / 1024).toFixed(0)} KB segment, wrk -t2 -c${connections} -d${duration}`);
    const plain = wrk(plainUrl);
    const secure = wrk(secureUrl);
    const node = wrk(staveSegmentUrl);
    const row = (name: string, result: { rps: number; p99: string }) =>
      console.log(
        `  ${name.padEnd(26)} ${result.rps.toFixed(0).padStart(8)} req/s   p99 ${result.p99}   ratio ${(result.rps / plain.rps).toFixed(2)}`,
      );
    row("plain nginx (baseline)", plain);
    row("nginx + secure_link", secure);
    row("Stave (Node)", node);
    console.log(
      `target Stave ≥ 0.3: ${node.rps / plain.rps >= 0.3 ? "met" : "MISSED"}; secure_link ≥ 0.9: ${secure.rps / plain.rps >= 0.9 ? "met" : "MISSED"}`,
    );
  } finally {
    nginx?.kill("SIGTERM");
    await stave.stop();
  }
}

await main();
