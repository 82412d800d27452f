import path from "node:path";
import { Readable } from "node:stream";
import { EXPORT_FORMAT_VERSION, type ExportManifest, type ExportRecord, type ExportRecordType } from "@stave/contracts";
import type { Kysely } from "kysely";
import { ZipFile } from "yazl";
import { csvLine } from "../../platform/csv.ts";
import type { DB } from "../../platform/db/schema.ts";
import type {
  AnyExporter,
  ExportKey,
  ExportMedia,
  ExportSource,
  PageReader,
} from "../../platform/personal-data/exporter.ts";
import type { Storage } from "../../platform/storage/index.ts";
import { exportedAccount } from "../accounts/index.ts";
import { archiveExporters } from "./export-files.ts";

/** Rows read per query while streaming: memory stays flat however large the account. */
const BATCH = 1000;

/** Every row a page reader has, read page by page, each page after the last one's key. */
async function* pages<Row extends ExportKey>(readPage: PageReader<Row>): AsyncGenerator<Row> {
  let after: ExportKey | null = null;
  for (;;) {
    const rows = await readPage(after, BATCH);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = { key_at: last.key_at, key_id: last.key_id };
  }
}

/**
 * Text made of many small pieces, handed on in chunks of about 64 kB: one deflate call per
 * row would spend more time in zlib than in the database.
 */
async function* chunked(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = "";
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

const prettyJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A JSON array streamed record by record: `[`, records separated by commas, `]`. */
async function* jsonArray(records: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const record of records) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(record)}`;
    first = false;
  }
  yield "\n]\n";
}

/** The file's one record, as an object. */
async function* jsonObject(records: AsyncIterable<unknown>): AsyncGenerator<string> {
  const all: unknown[] = [];
  for await (const record of records) all.push(record);
  if (all.length !== 1) throw new Error(`expected exactly one record, got ${all.length}`);
  yield prettyJson(all[0]);
}

async function* ndjson(records: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const record of records) yield `${JSON.stringify(record)}\n`;
}

/** The text of one exporter's file, in its format. */
function fileText(
  exporter: AnyExporter,
  records: AsyncIterable<ExportRecord<ExportRecordType>>,
): AsyncIterable<string> {
  switch (exporter.format) {
    case "json":
      return exporter.single ? jsonObject(records) : jsonArray(records);
    case "ndjson":
      return ndjson(records);
    case "csv":
      return (async function* () {
        yield csvLine(exporter.columns);
        for await (const record of records) yield csvLine(exporter.row(record));
      })();
  }
}

/** The records as they pass, each one counted into `count`. */
async function* counting<T>(records: AsyncIterable<T>, count: () => void): AsyncGenerator<T> {
  for await (const record of records) {
    count();
    yield record;
  }
}

const README = `This is your data from Stave, as it was when the export was made.

Files (JSON unless said otherwise; times are UTC, ISO 8601):
  manifest.json           what this archive holds: its format version, when it was made, and
                          each file with its record type and number of records
  account.json            your account: email, role, verification and creator-upgrade dates,
                          whether two-factor sign-in is on (never its secret)
  profile.json            your public profile: username, display name, bio, location, links
  tracks.json             your tracks and their details; the original audio files you uploaded
                          are in tracks/ (named <track id>-<slug>.<format>)
  playlists.json          your playlists and the tracks in them, in order
  likes.json              tracks and playlists you liked
  follows.json            people you follow
  comments.json           comments you wrote
  messages.json           messages in your conversations, sent and received
  playback_history.json   what you listened to, when, and for how long (also as .csv)
  notifications.json      notifications you received
  security_events.json    security-relevant events of your account (sign-ins, password and
                          two-factor changes…), with the IP address and browser of each

Format version: ${EXPORT_FORMAT_VERSION}
`;

/**
 * Streams the user's export ZIP into storage under `key` and returns its size. Each file is
 * written from its owning module's exporter, read from the database in pages, and the audio
 * is piped from storage, so the worker holds only a page and a few buffers at a time.
 * `manifest.json` comes last, once every file's records are counted.
 *
 * Every read happens in one read-only REPEATABLE READ transaction: the archive is one moment's
 * picture of the account, so a track added or deleted while it is built is either in both
 * tracks.json and tracks/ or in neither, and the manifest's counts match the files.
 */
export function writeExportArchive(
  db: Kysely<DB>,
  storage: Storage,
  userId: string,
  key: string,
  exporters: readonly AnyExporter[] = archiveExporters,
): Promise<number> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute((snapshot) => writeArchiveFrom(snapshot, storage, userId, key, exporters));
}

async function writeArchiveFrom(
  db: Kysely<DB>,
  storage: Storage,
  userId: string,
  key: string,
  exporters: readonly AnyExporter[],
): Promise<number> {
  const zip = new ZipFile();
  const output = zip.outputStream as unknown as Readable;
  // yazl does not listen for errors on the streams it is given: a page read failing would be
  // an uncaught error that kills the worker. Any failure ends the output with it instead, so
  // the upload to storage rejects, the job fails and is retried, and nothing half-written stays.
  const fail = (error: Error) => output.destroy(error);
  const entryStream = (stream: Readable) => stream.once("error", fail);
  zip.on("error", fail);
  const source: ExportSource = { db, pages };
  const files: ExportManifest["files"] = [];

  // The audio files are listed first, before any entry starts reading: a failure here leaves
  // nothing half-read behind.
  const mediaOf = new Map<AnyExporter, ExportMedia[]>();
  for (const exporter of exporters) {
    if (!exporter.media) continue;
    const stored: ExportMedia[] = [];
    for await (const media of exporter.media(userId, source)) {
      if (await storage.stat(media.key)) stored.push(media);
    }
    mediaOf.set(exporter, stored);
  }

  zip.addBuffer(Buffer.from(README), "README.txt");
  for (const exporter of exporters) {
    const entry = { name: exporter.file, recordType: exporter.recordType, format: exporter.format, count: 0 };
    files.push(entry);
    // Opened only when the ZIP reaches it, like the audio below: one file read at a time.
    zip.addReadStreamLazy(exporter.file, (done) => {
      const records = counting(exporter.records(userId, source), () => {
        entry.count += 1;
      });
      done(null, entryStream(Readable.from(chunked(fileText(exporter, records)))));
    });
    for (const media of mediaOf.get(exporter) ?? []) {
      zip.addReadStreamLazy(media.name, { compress: false }, (done) => {
        storage.get(media.key).then(
          (stream) => void done(null, entryStream(stream)),
          (error) => void done(error, undefined as never),
        );
      });
    }
  }

  const account = await exportedAccount(db, userId);
  const createdAt = new Date().toISOString();
  // The ZIP writes its entries one after another, so by the time it reaches this one every
  // file above has been read to its end and counted.
  zip.addReadStreamLazy("manifest.json", (done) => {
    const manifest: ExportManifest = { formatVersion: EXPORT_FORMAT_VERSION, createdAt, account, files };
    done(null, Readable.from([prettyJson(manifest)]));
  });

  zip.end();
  const stored = await storage.put(key, output);
  return stored.size;
}

export const exportKey = (userId: string, exportId: string) => path.posix.join("exports", userId, `${exportId}.zip`);
