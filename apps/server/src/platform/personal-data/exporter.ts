import type { ExportRecord, ExportRecordType } from "@stave/contracts";
import { type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { CsvValue } from "../csv.ts";
import type { DB } from "../db/schema.ts";
import { timeKey } from "../http/cursor.ts";

/**
 * One page of at most `limit` rows ordered by their key, after `after` (the previous page's
 * last key; null for the first page).
 */
export type PageReader<Row extends ExportKey> = (after: ExportKey | null, limit: number) => Promise<Row[]>;

/** What an exporter reads with: the database, and the builder's paging. */
export interface ExportSource {
  db: Kysely<DB>;
  /**
   * Every row a page reader has, read page by page. The archive builder sets the page size,
   * so memory stays flat however large the account, whichever module's rows these are.
   */
  pages<Row extends ExportKey>(readPage: PageReader<Row>): AsyncIterable<Row>;
}

/** A stored file the archive carries as it is (a track's original audio). */
export interface ExportMedia {
  /** Its path in the archive. */
  name: string;
  /** Its storage key. */
  key: string;
}

interface ExporterOf<T extends ExportRecordType> {
  /** The archive file it writes: `tracks.json`. */
  file: string;
  /** The contract schema every record matches (`exportRecordSchemas[recordType]`). */
  recordType: T;
  /**
   * The user's records, in the file's order, as the user may see them today: the visibility
   * rule is the owning module's to apply here.
   */
  records(userId: string, source: ExportSource): AsyncIterable<ExportRecord<T>>;
  /** Stored files that go with the records; the builder adds those still in storage. */
  media?(userId: string, source: ExportSource): AsyncIterable<ExportMedia>;
}

/** How the file is written: see `exportFileFormatSchema` in the contracts. */
type FileFormat<T extends ExportRecordType> =
  /** `single`: a file of exactly one record, written as that object rather than an array. */
  | { format: "json"; single?: boolean }
  | { format: "ndjson" }
  | {
      format: "csv";
      /** The header line. */
      columns: readonly string[];
      /** The record's fields, in the order of `columns`. */
      row(record: ExportRecord<T>): CsvValue[];
    };

/**
 * One module's part of the data export: what it writes, in which file, read with which
 * visibility rule. The module that owns the tables implements it; the archive builder in
 * the privacy module only assembles.
 */
export type Exporter<T extends ExportRecordType> = ExporterOf<T> & FileFormat<T>;

/**
 * An exporter of any record type, for the builder's list. (Its methods take their records
 * bivariantly, so every `Exporter<T>` is one.)
 */
export type AnyExporter = Exporter<ExportRecordType>;

/** Keeps an exporter's record type exact where it is declared. */
export const exporter = <T extends ExportRecordType>(definition: Exporter<T>): Exporter<T> => definition;

/** A timestamp as the archive writes it. */
export const isoTime = (value: Date | string): string => new Date(value).toISOString();
export const isoTimeOrNull = (value: Date | string | null): string | null => (value === null ? null : isoTime(value));

/** A row's place in a keyset: its time to the microsecond (see `timeKey`) and a unique id. */
export interface ExportKey {
  key_at: string;
  key_id: string;
}

/**
 * `(at, id) > after`: the rows after the previous page, oldest first (all of them for the
 * first page). The time is compared as text keyed to the microsecond; a JavaScript Date
 * would drop the microseconds and read the last row of a page again.
 */
const afterKey = (
  at: Expression<Date> | RawBuilder<Date>,
  id: Expression<string> | RawBuilder<string>,
  after: ExportKey | null,
): RawBuilder<boolean> =>
  after ? sql<boolean>`(${at}, ${id}) > (${after.key_at}::timestamptz, ${after.key_id}::uuid)` : sql<boolean>`true`;

/** The columns a keyset pages by, as `alias.column`: a time, and an id unique among the rows. */
export interface KeyColumns {
  at: string;
  id: string;
}

/**
 * Every row of `query`, read page by page in keyset order (`key.at`, then `key.id`): each page
 * selects the key beside the query's columns and starts after the previous page's last row.
 * The query says what and whose; the paging is this one rule for every exporter.
 */
export function rowsByKey<Tables, TB extends keyof Tables, Row>(
  { pages }: ExportSource,
  query: SelectQueryBuilder<Tables, TB, Row>,
  key: KeyColumns,
): AsyncIterable<Row & ExportKey> {
  const at = sql.ref<Date>(key.at);
  const id = sql.ref<string>(key.id);
  return pages((after, limit) =>
    query
      .select([timeKey(at).as("key_at"), id.as("key_id")])
      .where(afterKey(at, id, after))
      .orderBy(at)
      .orderBy(id)
      .limit(limit)
      .$castTo<Row & ExportKey>()
      .execute(),
  );
}

/**
 * A title as the user may see it today, by a visibility rule (the visibility module's): someone
 * else's track or playlist made private (or taken down) since keeps its title to itself, and
 * the record says null. The viewer is given by id alone, so no staff power of theirs reaches
 * their export.
 */
export const titleIf = (visible: RawBuilder<boolean>, title: Expression<string>): RawBuilder<string | null> =>
  sql<string | null>`CASE WHEN ${visible} THEN ${title} END`;
