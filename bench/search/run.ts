// bench/search: p50/p95/p99 of `GET /api/v1/search?type=tracks` over a fixed mix of 1,000
// queries on 1,000,000 seeded tracks, against the very SQL the search service sends, replayed
// straight to PostgreSQL in the same run. Targets: API p95 < 50 ms; API overhead over the
// SQL < 3 ms at p50. Then EXPLAINs a sample of the statements: does each use a GIN index?
//
//   npm run search -w bench [-- --tracks=N --creators=N --reseed --refresh]
// Seeds BENCH_SEARCH_DATA_DIR (default /tmp/stave-bench-search) the first time (see seed.ts).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SearchQuery, SearchResponse } from "@stave/contracts";
import type { LogEvent } from "kysely";
import pg from "pg";
import { searchCatalog } from "../../apps/server/src/modules/search/search.service.ts";
import { repoRoot, startStave } from "../lib/stave.ts";
import { clusterUrl, envWithoutMedia, kyselyOn, newPool } from "./cluster.ts";
import { fold } from "./data.ts";
import { explainAnalyze, explainStatements, type Statement } from "./explain.ts";
import { type BenchQuery, buildQueryMix, CATEGORIES, sampleTitles } from "./queries.ts";
import { defaultDataDir, parseSize, prepareDataDir, seedIfNeeded } from "./seed.ts";

const PER_CATEGORY = Number(process.env.SEARCH_PER_CATEGORY ?? 200);
const WARMUP_PER_CATEGORY = 20;
const EXPLAIN_PER_CATEGORY = 10;
const ANALYZE_SLOWEST = Number(process.env.SEARCH_ANALYZE_SLOWEST ?? 3);
const TARGET_P95_MS = 50;
const TARGET_OVERHEAD_MS = 3;
const resultsFile = process.env.BENCH_SEARCH_RESULTS ?? "/tmp/stave-bench-search-results.json";

interface Measured extends BenchQuery {
  statements: Statement[];
  apiMs: number;
  sqlMs: number;
  /** Each statement's time in the SQL replay. */
  statementMs: number[];
  items: number;
  corrected: boolean;
  found?: boolean;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => value.toFixed(1).padStart(6);

/** Runs the service in-process once, recording every statement it sends. */
function recorder(pool: pg.Pool) {
  let recording: Statement[] = [];
  const db = kyselyOn(pool, (event: LogEvent) => {
    recording.push({ sql: event.query.sql, parameters: event.query.parameters });
  });
  return async (q: string) => {
    recording = [];
    const query: SearchQuery = { q, type: "tracks", limit: 20 };
    await searchCatalog({ forRead: db, primary: db }, query, null);
    return recording;
  };
}

async function replay(client: pg.Client, statements: Statement[]) {
  const times: number[] = [];
  for (const statement of statements) {
    const started = performance.now();
    await client.query(statement.sql, statement.parameters as unknown[]);
    times.push(performance.now() - started);
  }
  return { total: times.reduce((sum, time) => sum + time, 0), times };
}

async function callApi(url: string, q: string) {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/search?${new URLSearchParams({ q, type: "tracks", limit: "20" })}`);
  const body = (await response.json()) as SearchResponse;
  const elapsed = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`search ${JSON.stringify(q)}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { elapsed, body };
}

/** Which search code was measured: the commit, and the search module's files as they were. */
async function codeVersion() {
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot }).toString().trim();
  const dir = path.join(repoRoot, "apps/server/src/modules/search");
  const files: Record<string, string> = {};
  for (const file of (await readdir(dir)).filter((name) => !name.endsWith(".test.ts")).sort()) {
    files[file] = createHash("sha256")
      .update(await readFile(path.join(dir, file)))
      .digest("hex")
      .slice(0, 12);
  }
  return { head, files };
}

/** The machine's load while measuring: others run tests here too. */
function loadSampler() {
  const loads: number[] = [];
  const busy = () => os.cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.sys + cpu.times.nice, 0);
  const total = () => os.cpus().reduce((sum, cpu) => sum + Object.values(cpu.times).reduce((a, b) => a + b, 0), 0);
  const [busy0, total0] = [busy(), total()];
  const timer = setInterval(() => loads.push(os.loadavg()[0] as number), 1000);
  return () => {
    clearInterval(timer);
    const cpuBusy = (busy() - busy0) / Math.max(1, total() - total0);
    return {
      load1Min: Math.min(...loads, os.loadavg()[0] as number),
      load1Max: Math.max(...loads, os.loadavg()[0] as number),
      cpuBusyPercent: Math.round(cpuBusy * 100),
      cpus: os.cpus().length,
    };
  };
}

function summarise(rows: Measured[]) {
  const api = rows.map((row) => row.apiMs);
  const sql = rows.map((row) => row.sqlMs);
  const summary = {
    n: rows.length,
    api: { p50: percentile(api, 0.5), p95: percentile(api, 0.95), p99: percentile(api, 0.99) },
    sql: { p50: percentile(sql, 0.5), p95: percentile(sql, 0.95), p99: percentile(sql, 0.99) },
    overheadP50: percentile(api, 0.5) - percentile(sql, 0.5),
    statementsPerQuery: rows.reduce((sum, row) => sum + row.statements.length, 0) / rows.length,
    medianItems: percentile(
      rows.map((row) => row.items),
      0.5,
    ),
    correctedPercent: Math.round((100 * rows.filter((row) => row.corrected).length) / rows.length),
    exactTitleFoundPercent: rows.some((row) => row.found !== undefined)
      ? Math.round(
          (100 * rows.filter((row) => row.found).length) / rows.filter((row) => row.found !== undefined).length,
        )
      : null,
  };
  return {
    ...summary,
    apiP95Target: summary.api.p95 < TARGET_P95_MS ? "PASS" : "MISS",
    overheadTarget: summary.overheadP50 < TARGET_OVERHEAD_MS ? "PASS" : "MISS",
  };
}

function printTable(summaries: [string, ReturnType<typeof summarise>][]) {
  console.log(
    "\ncategory       n |  API p50    p95    p99 |  SQL p50    p95    p99 | overhead p50 | stmts items fixed found | API p95<50  ovh<3",
  );
  for (const [name, s] of summaries) {
    const found = s.exactTitleFoundPercent === null ? "    -" : `${String(s.exactTitleFoundPercent).padStart(4)}%`;
    console.log(
      `${name.padEnd(10)} ${String(s.n).padStart(5)} | ${ms(s.api.p50)} ${ms(s.api.p95)} ${ms(s.api.p99)} | ${ms(s.sql.p50)} ${ms(s.sql.p95)} ${ms(s.sql.p99)} |       ${ms(s.overheadP50)} | ${s.statementsPerQuery.toFixed(1).padStart(5)} ${String(s.medianItems).padStart(5)} ${`${s.correctedPercent}%`.padStart(5)} ${found} | ${s.apiP95Target.padStart(10)} ${s.overheadTarget.padStart(5)}`,
    );
  }
  console.log(
    "(ms; overhead = API p50 − SQL p50; stmts = statements per query; items = median results; fixed = spelling corrected; found = exact title in the results)",
  );
}

async function main() {
  const dataDir = defaultDataDir();
  const size = parseSize(process.argv);
  const reason = await prepareDataDir(dataDir, size, process.argv.includes("--reseed"));
  // `serve`: API only, so the worker's hourly search.refresh cannot run in the middle.
  const stave = await startStave(await envWithoutMedia(), { dataDir, command: "serve" });
  const url = await clusterUrl(dataDir).catch(async (error) => {
    await stave.stop();
    throw error;
  });
  const pool = newPool(url, 2);
  const client = new pg.Client({ connectionString: url });
  try {
    const marker = await seedIfNeeded(dataDir, size, reason);
    const code = await codeVersion();
    await client.connect();
    const { rows: counts } = await client.query(
      "SELECT (SELECT count(*) FROM tracks) AS tracks, (SELECT count(*) FROM users) AS users, pg_size_pretty(pg_database_size('postgres')) AS size",
    );
    console.log(
      `bench/search: ${counts[0]?.tracks.toLocaleString("en")} tracks, ${counts[0]?.users.toLocaleString("en")} users, database ${counts[0]?.size} (seeded ${marker.seededAt} in ${marker.seedSeconds.toFixed(0)} s)`,
    );
    const titles = await sampleTitles(client, 20_000);
    const queries = buildQueryMix(titles, PER_CATEGORY, "stave-bench-queries");
    const warmup = buildQueryMix(titles, WARMUP_PER_CATEGORY, "stave-bench-warmup");
    const record = recorder(pool);

    const recordingStarted = performance.now();
    const recorded = new Map<BenchQuery, Statement[]>();
    for (const query of [...warmup, ...queries]) recorded.set(query, await record(query.q));
    console.log(
      `recorded the service's statements for ${recorded.size} queries in-process (${((performance.now() - recordingStarted) / 1000).toFixed(1)} s)`,
    );

    for (const query of warmup) {
      await callApi(stave.url, query.q);
      await replay(client, recorded.get(query) ?? []);
    }
    console.log(`warmed up with ${warmup.length} other queries; measuring ${queries.length}, one at a time`);

    const load = loadSampler();
    const measured: Measured[] = [];
    for (const [index, query] of queries.entries()) {
      const statements = recorded.get(query) ?? [];
      // Alternate which goes first, so neither always meets the other's warmed caches.
      let sql = { total: 0, times: [] as number[] };
      if (index % 2 === 1) sql = await replay(client, statements);
      const { elapsed, body } = await callApi(stave.url, query.q);
      if (index % 2 === 0) sql = await replay(client, statements);
      const items = body.tracks?.items ?? [];
      measured.push({
        ...query,
        statements,
        apiMs: elapsed,
        sqlMs: sql.total,
        statementMs: sql.times,
        items: items.length,
        corrected: body.correctedQuery !== null,
        ...(query.title !== undefined && {
          found: items.some((item) => fold(item.title) === fold(query.title as string)),
        }),
      });
    }
    const machine = load();

    const summaries: [string, ReturnType<typeof summarise>][] = [
      ...CATEGORIES.map((category): [string, ReturnType<typeof summarise>] => [
        category,
        summarise(measured.filter((row) => row.category === category)),
      ]),
      ["overall", summarise(measured)],
    ];
    printTable(summaries);
    console.log(
      `machine while measuring: ${machine.cpus} CPUs, ${machine.cpuBusyPercent}% busy overall, 1-min load ${machine.load1Min.toFixed(2)}–${machine.load1Max.toFixed(2)}`,
    );
    const overall = summaries.at(-1)?.[1] as ReturnType<typeof summarise>;
    console.log(
      `targets: API p95 ${overall.api.p95.toFixed(1)} ms < ${TARGET_P95_MS} ms: ${overall.apiP95Target}; overhead at p50 ${overall.overheadP50.toFixed(1)} ms < ${TARGET_OVERHEAD_MS} ms: ${overall.overheadTarget}`,
    );
    const slowest = [...measured].sort((a, b) => b.apiMs - a.apiMs).slice(0, 10);
    console.log("\nslowest queries (API ms / SQL ms / statements):");
    for (const row of slowest) {
      console.log(
        `  ${ms(row.apiMs)} ${ms(row.sqlMs)} ${String(row.statements.length).padStart(2)}  [${row.category}] ${JSON.stringify(row.q)}`,
      );
    }

    const samples = CATEGORIES.flatMap((category) =>
      measured.filter((row) => row.category === category).slice(0, EXPLAIN_PER_CATEGORY),
    ).map((row) => ({ query: `[${row.category}] ${row.q}`, statements: row.statements }));
    const explained = await explainStatements(client, samples);
    console.log(`\nEXPLAIN of every statement of ${samples.length} queries (${EXPLAIN_PER_CATEGORY} per category):`);
    for (const shape of explained.shapes) {
      console.log(
        `  ${shape.label}: ${shape.withGin}/${shape.explained} plans use a GIN index; indexes ${shape.indexes.join(", ") || "none"}${shape.seqScans.length ? `; seq scans on ${shape.seqScans.join(", ")}` : ""}`,
      );
      console.log(`      ${shape.sql.length > 400 ? `${shape.sql.slice(0, 400)}…` : shape.sql}`);
    }
    const withoutGin = explained.shapes.reduce((sum, shape) => sum + shape.explained - shape.withGin, 0);
    console.log(`every plan uses a GIN index: ${withoutGin === 0 ? "yes" : `NO (${withoutGin} plans)`}`);
    const printed = new Set<string>();
    for (const flag of explained.flagged) {
      if (printed.has(`${flag.label} ${flag.reason}`)) continue;
      printed.add(`${flag.label} ${flag.reason}`);
      console.log(`\nstatement ${flag.label} (${flag.reason}), query ${flag.query}:\n${flag.plan}`);
    }

    // The slowest statement of the slowest queries, measured by PostgreSQL itself, for tuning.
    const analysed = [];
    for (const row of [...measured].sort((a, b) => b.sqlMs - a.sqlMs).slice(0, ANALYZE_SLOWEST)) {
      const slowest = row.statementMs.indexOf(Math.max(...row.statementMs));
      const statement = row.statements[slowest] as Statement;
      const plan = await explainAnalyze(client, statement);
      analysed.push({ query: row.q, category: row.category, statement: slowest + 1, sqlMs: row.sqlMs, plan });
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS), slow query [${row.category}] ${JSON.stringify(row.q)} (SQL ${row.sqlMs.toFixed(1)} ms), statement ${slowest + 1}/${row.statements.length} (${(row.statementMs[slowest] ?? 0).toFixed(1)} ms in the replay):\n${plan}`,
      );
    }

    await writeFile(
      resultsFile,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          code,
          dataset: { ...marker.size, seedSeconds: marker.seedSeconds, databaseSize: counts[0]?.size },
          machine,
          targets: { apiP95Ms: TARGET_P95_MS, overheadP50Ms: TARGET_OVERHEAD_MS },
          summaries: Object.fromEntries(summaries),
          explain: explained,
          slowestAnalysed: analysed,
          queries: measured.map(({ statements, ...row }) => ({ ...row, statements: statements.length })),
        },
        null,
        2,
      ),
    );
    console.log(`\nresults: ${resultsFile}`);
  } finally {
    await client.end().catch(() => {});
    await pool.end();
    await stave.stop();
  }
}

await main();
