import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { SignedIn } from "./accounts.ts";

/** What a player fetches with a freshly signed URL: the master playlist, a rendition and a segment. */
export interface MediaUrls {
  master: string;
  rendition: string;
  segment: string;
}

/** Signs a stream URL for `who` through `app`, and follows it down to one segment. */
export async function mediaUrlsOf(app: FastifyInstance, trackId: string, who: SignedIn): Promise<MediaUrls> {
  const stream = await app.inject({ url: `/api/v1/tracks/${trackId}/stream`, headers: { cookie: who.cookie } });
  expect(stream.statusCode, stream.body).toBe(200);
  const master = new URL(stream.json().url).pathname;
  const base = master.slice(0, master.lastIndexOf("/") + 1);
  const renditionFile = (await app.inject({ url: master })).body
    .split("\n")
    .find((line) => line.endsWith(".m3u8")) as string;
  const rendition = `${base}${renditionFile}`;
  const segmentFile = (await app.inject({ url: rendition })).body.split("\n").find((line) => line.endsWith(".m4s"));
  const segment = `${base}${renditionFile.slice(0, renditionFile.lastIndexOf("/") + 1)}${segmentFile}`;
  return { master, rendition, segment };
}

/**
 * The status each API process answers for each URL, keyed "<process> <kind>" (asking also
 * puts the files in each process's memory cache).
 */
export async function mediaStatuses(apps: Record<string, FastifyInstance>, urls: MediaUrls) {
  const answers: Record<string, number> = {};
  for (const [name, app] of Object.entries(apps)) {
    for (const [kind, url] of Object.entries(urls)) answers[`${name} ${kind}`] = (await app.inject({ url })).statusCode;
  }
  return answers;
}

/** `status` for every URL kind in every one of `processes`, as mediaStatuses keys them. */
export const everyMediaStatus = (processes: string[], status: number) =>
  Object.fromEntries(
    processes.flatMap((name) => ["master", "rendition", "segment"].map((kind) => [`${name} ${kind}`, status])),
  );
