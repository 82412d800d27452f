// bench/search seeder: 100,000 creators, 1,000,000 tracks and 50,000 playlists (when the
// table exists), made deterministically, inserted with batched INSERT … SELECT FROM
// unnest(…) in one transaction per table, then the search index refreshed and analysed.
// The cluster is kept in BENCH_SEARCH_DATA_DIR (default /tmp/stave-bench-search) and
// seeded again only with --reseed, other sizes, or changed migrations.
//
//   npx tsx search/seed.ts [--tracks=N] [--creators=N] [--playlists=N] [--reseed]
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { migrationsDir } from "../../apps/server/src/platform/db/migrate.ts";
import { insertUnnest, inTransaction } from "../lib/bulk-insert.ts";
import { repoRoot, startStave } from "../lib/stave.ts";
import { clusterUrl, envWithoutMedia, kyselyOn, newPool } from "./cluster.ts";
import { buildVocabulary } from "./data.ts";
import { generateCreators, generatePlaylists, generateTracks } from "./generate.ts";

export interface SeedSize {
  creators: number;
  tracks: number;
  playlists: number;
}

export const defaultDataDir = () => process.env.BENCH_SEARCH_DATA_DIR ?? "/tmp/stave-bench-search";
const BATCH = 10_000;
const maintenanceFile = path.join(repoRoot, "apps/server/src/modules/search/search.maintenance.ts");

interface Marker {
  size: SeedSize;
  seededAt: string;
  seedSeconds: number;
  /** sha256 of each migration applied when seeding: a changed one means a stale schema. */
  migrations: Record<string, string>;
  /** sha256 of search.maintenance.ts when the index was last refreshed. */
  maintenance: string;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const markerPath = (dataDir: string) => path.join(dataDir, "bench-search-seed.json");

async function migrationHashes() {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith(".sql")).sort();
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file] = sha256(await readFile(path.join(migrationsDir, file), "utf8"));
  return hashes;
}

async function readMarker(dataDir: string): Promise<Marker | null> {
  if (!existsSync(markerPath(dataDir))) return null;
  return JSON.parse(await readFile(markerPath(dataDir), "utf8")) as Marker;
}

/**
 * Decides, before Stave starts on `dataDir`, whether the kept data can be used; if not,
 * removes it so Stave starts on a fresh cluster. Returns why a seed is needed, or null.
 */
export async function prepareDataDir(dataDir: string, size: SeedSize, reseed: boolean): Promise<string | null> {
  const marker = await readMarker(dataDir);
  const current = await migrationHashes();
  let reason: string | null = null;
  if (reseed) reason = "--reseed";
  else if (!marker) reason = existsSync(dataDir) ? "no complete seed in the data dir" : "no data dir yet";
  else if (JSON.stringify(marker.size) !== JSON.stringify(size)) reason = `seeded with ${JSON.stringify(marker.size)}`;
  else {
    const changed = Object.keys(marker.migrations).filter((file) => marker.migrations[file] !== current[file]);
    if (changed.length > 0) reason = `migrations changed since seeding: ${changed.join(", ")}`;
  }
  if (reason) await rm(dataDir, { recursive: true, force: true });
  return reason;
}

function progress(label: string, done: number, total: number, started: number) {
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(done / Math.max(seconds, 0.001));
  console.log(
    `  ${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} in ${seconds.toFixed(1)} s (${rate.toLocaleString("en")} rows/s)`,
  );
}

async function tableExists(pool: pg.Pool, table: string) {
  const { rows } = await pool.query("SELECT to_regclass($1) IS NOT NULL AS exists", [table]);
  return Boolean(rows[0]?.exists);
}

/** Inserts the catalogue into an empty Stave database. Returns seconds per phase. */
export async function seedCatalog(pool: pg.Pool, size: SeedSize) {
  const timings: Record<string, number> = {};
  const vocabulary = buildVocabulary();
  let started = performance.now();
  const creators = generateCreators(size.creators, vocabulary);
  await inTransaction(pool, async (client) => {
    for (let offset = 0; offset < size.creators; offset += BATCH) {
      const slice = <T>(values: T[]) => values.slice(offset, offset + BATCH);
      const createdAt = slice(creators.createdAt);
      await insertUnnest(client, "users", [
        ["id", "uuid", slice(creators.ids)],
        ["email", "text", slice(creators.emails)],
        ["username", "text", slice(creators.usernames)],
        ["role", "text", createdAt.map(() => "creator")],
        ["is_verified", "bool", createdAt.map(() => true)],
        ["verified_at", "timestamptz", createdAt],
        ["promoted_to_creator_at", "timestamptz", createdAt],
        ["created_at", "timestamptz", createdAt],
        ["updated_at", "timestamptz", createdAt],
      ]);
    }
  });
  await inTransaction(pool, async (client) => {
    for (let offset = 0; offset < size.creators; offset += BATCH) {
      const slice = <T>(values: T[]) => values.slice(offset, offset + BATCH);
      await insertUnnest(client, "user_profiles", [
        ["user_id", "uuid", slice(creators.ids)],
        ["display_name", "text", slice(creators.displayNames)],
        ["updated_at", "timestamptz", slice(creators.createdAt)],
      ]);
    }
  });
  timings.creators = (performance.now() - started) / 1000;
  progress("creators + profiles", size.creators, size.creators, started);

  started = performance.now();
  await inTransaction(pool, async (client) => {
    let done = 0;
    for (const batch of generateTracks(size.tracks, creators, vocabulary, BATCH)) {
      const ready = batch.id.map(() => "ready");
      await insertUnnest(client, "tracks", [
        ["id", "uuid", batch.id],
        ["owner_id", "uuid", batch.owner_id],
        ["title", "text", batch.title],
        ["slug", "text", batch.slug],
        ["description", "text", batch.description],
        ["genre", "text", batch.genre],
        ["tags", "text", batch.tags, "string_to_array(tags, '|')"],
        ["visibility", "text", batch.visibility],
        ["status", "text", ready],
        ["progress", "int2", batch.id.map(() => 100)],
        ["original_key", "text", batch.original_key],
        ["original_format", "text", batch.original_format],
        ["original_size", "int8", batch.original_size],
        ["original_filename", "text", batch.original_filename],
        ["hls_prefix", "text", batch.hls_prefix],
        ["duration_ms", "int4", batch.duration_ms],
        ["loudness_lufs", "float4", batch.loudness_lufs],
        ["true_peak_dbtp", "float4", batch.true_peak_dbtp],
        ["artist", "text", batch.artist],
        ["album", "text", batch.album],
        ["play_count", "int8", batch.play_count],
        ["created_at", "timestamptz", batch.created_at],
        ["updated_at", "timestamptz", batch.created_at],
      ]);
      done += batch.id.length;
      if (done % 100_000 === 0 || done === size.tracks) progress("tracks", done, size.tracks, started);
    }
  });
  timings.tracks = (performance.now() - started) / 1000;

  if (size.playlists > 0 && (await tableExists(pool, "playlists"))) {
    started = performance.now();
    await inTransaction(pool, async (client) => {
      for (const batch of generatePlaylists(size.playlists, creators, vocabulary, BATCH)) {
        await insertUnnest(client, "playlists", [
          ["id", "uuid", batch.id],
          ["owner_id", "uuid", batch.owner_id],
          ["title", "text", batch.title],
          ["description", "text", batch.description],
          ["visibility", "text", batch.visibility],
          ["created_at", "timestamptz", batch.created_at],
          ["updated_at", "timestamptz", batch.created_at],
        ]);
      }
    });
    timings.playlists = (performance.now() - started) / 1000;
    progress("playlists", size.playlists, size.playlists, started);
  } else if (size.playlists > 0) {
    console.log("  playlists: no playlists table yet, skipped");
  }
  return timings;
}

/** The lead's refresh (popularity tiers, typo word table), then VACUUM ANALYZE. */
export async function refreshIndex(pool: pg.Pool) {
  const started = performance.now();
  const { refreshSearchIndex } = await import("../../apps/server/src/modules/search/search.maintenance.ts");
  const db = kyselyOn(pool);
  await refreshSearchIndex(db);
  const refreshed = performance.now();
  console.log(`  refreshSearchIndex: ${((refreshed - started) / 1000).toFixed(1)} s`);
  // VACUUM as well as ANALYZE: the tier update leaves dead rows and a GIN pending list that
  // autovacuum would otherwise clean up in the middle of the measurements.
  await pool.query("VACUUM (ANALYZE)");
  console.log(`  VACUUM (ANALYZE): ${((performance.now() - refreshed) / 1000).toFixed(1)} s`);
  return (performance.now() - started) / 1000;
}

/**
 * Seeds a running Stave's cluster when `reason` says it must, or refreshes the index when
 * search.maintenance.ts changed since; writes the marker last, so a crash means a reseed.
 */
export async function seedIfNeeded(dataDir: string, size: SeedSize, reason: string | null) {
  const pool = newPool(await clusterUrl(dataDir));
  try {
    const maintenance = sha256(await readFile(maintenanceFile, "utf8"));
    const marker = await readMarker(dataDir);
    if (!reason && marker) {
      if (marker.maintenance !== maintenance || process.argv.includes("--refresh")) {
        console.log("search.maintenance.ts changed since the last refresh (or --refresh): refreshing the index");
        await refreshIndex(pool);
        await writeFile(markerPath(dataDir), JSON.stringify({ ...marker, maintenance }, null, 2));
      }
      return marker;
    }
    console.log(`Seeding ${dataDir} (${reason}): ${JSON.stringify(size)}`);
    const started = performance.now();
    const timings = await seedCatalog(pool, size);
    timings.refresh = await refreshIndex(pool);
    const seedSeconds = (performance.now() - started) / 1000;
    const { rows } = await pool.query("SELECT pg_size_pretty(pg_database_size('postgres')) AS size");
    console.log(`Seeded in ${seedSeconds.toFixed(1)} s (${JSON.stringify(timings)}); database ${rows[0]?.size}`);
    const fresh: Marker = {
      size,
      seededAt: new Date().toISOString(),
      seedSeconds,
      migrations: await migrationHashes(),
      maintenance,
    };
    await writeFile(markerPath(dataDir), JSON.stringify({ ...fresh, timings }, null, 2));
    return fresh;
  } finally {
    await pool.end();
  }
}

export function parseSize(argv: string[]): SeedSize {
  const flag = (name: string, fallback: number) => {
    const value = argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
    return value === undefined ? fallback : Number(value.replaceAll("_", ""));
  };
  const tracks = flag("tracks", 1_000_000);
  return {
    creators: flag("creators", Math.max(100, Math.round(tracks / 10))),
    tracks,
    playlists: flag("playlists", Math.round(tracks / 20)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = defaultDataDir();
  const size = parseSize(process.argv);
  const reason = await prepareDataDir(dataDir, size, process.argv.includes("--reseed"));
  const stave = await startStave(await envWithoutMedia(), { dataDir, command: "serve" });
  try {
    const marker = await seedIfNeeded(dataDir, size, reason);
    if (!reason) console.log(`${dataDir} already seeded (${JSON.stringify(marker.size)}, ${marker.seededAt})`);
  } finally {
    await stave.stop();
  }
}
