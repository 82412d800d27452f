import type { ReportSubjectType } from "@stave/contracts";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { commentRule, playlistRule, profileRule, trackRule, type Viewer } from "../visibility/index.ts";

/**
 * What reports are about, looked up by id: to check a reporter may see it and whose it is,
 * and to show the queue what each report is about now (it may be gone or taken down since).
 */

/**
 * An account whose profile the reporter may see (the visibility module's profile rule; deleted
 * ones are anonymised tombstones: nothing to report).
 */
export async function findActiveUserId(db: Kysely<DB>, id: string, viewer: Viewer) {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", id)
    .where(profileRule.sql(viewer, { user: "users" }))
    .executeTakeFirst();
  return row?.id;
}

export interface SubjectRow {
  id: string;
  label: string;
  path: string;
  taken_down: boolean;
  /** Seen by its owner (and moderators) only: its label is not for the reporter's notice. */
  private: boolean;
  owner_id: string;
  owner_username: string;
  owner_display_name: string | null;
}

const owner = sql`u.id AS owner_id, u.username AS owner_username, p.display_name AS owner_display_name`;

/** One statement per subject type, however many reports a page holds. */
const subjectQueries: Record<ReportSubjectType, (ids: string[]) => RawBuilder<SubjectRow>> = {
  track: (ids) => sql<SubjectRow>`
    SELECT t.id, t.title AS label, '/tracks/' || t.id AS path, t.taken_down_at IS NOT NULL AS taken_down,
           t.visibility = 'private' AS private, ${owner}
      FROM tracks t JOIN users u ON u.id = t.owner_id LEFT JOIN user_profiles p ON p.user_id = u.id
     WHERE t.id = ANY(${ids}::uuid[])`,
  comment: (ids) => sql<SubjectRow>`
    SELECT c.id, c.body AS label, '/tracks/' || c.track_id || '#comments' AS path,
           c.taken_down_at IS NOT NULL AS taken_down, ct.visibility = 'private' AS private, ${owner}
      FROM track_comments c JOIN tracks ct ON ct.id = c.track_id
      JOIN users u ON u.id = c.author_id LEFT JOIN user_profiles p ON p.user_id = u.id
     WHERE c.id = ANY(${ids}::uuid[])`,
  playlist: (ids) => sql<SubjectRow>`
    SELECT pl.id, pl.title AS label, '/playlists/' || pl.id AS path, pl.taken_down_at IS NOT NULL AS taken_down,
           pl.visibility = 'private' AS private, ${owner}
      FROM playlists pl JOIN users u ON u.id = pl.owner_id LEFT JOIN user_profiles p ON p.user_id = u.id
     WHERE pl.id = ANY(${ids}::uuid[])`,
  // An account's "takedown" is its suspension (admins suspend; moderators see that they did).
  user: (ids) => sql<SubjectRow>`
    SELECT u.id, u.username AS label, '/creators/' || u.username AS path, u.suspended_at IS NOT NULL AS taken_down,
           false AS private, ${owner}
      FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id
     WHERE u.id = ANY(${ids}::uuid[]) AND u.deleted_at IS NULL`,
};

/** The subjects that still exist among `ids`, by id. */
export async function findSubjects(
  db: Kysely<DB>,
  type: ReportSubjectType,
  ids: string[],
): Promise<Map<string, SubjectRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await subjectQueries[type]([...new Set(ids)]).execute(db);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The subject's own visibility rule for the viewer, over its row (aliases `t`, `p`, `c`), and whether it is private. */
const visibleTo: Record<"track" | "comment" | "playlist", (id: string, viewer: Viewer) => RawBuilder<unknown>> = {
  track: (id, viewer) => sql`
    SELECT t.taken_down_at IS NOT NULL AS taken_down, t.visibility = 'private' AS private,
           ${trackRule.sql(viewer)} AS visible
      FROM tracks t WHERE t.id = ${id}`,
  comment: (id, viewer) => sql`
    SELECT c.taken_down_at IS NOT NULL AS taken_down, t.visibility = 'private' AS private,
           ${commentRule.sql(viewer)} AS visible
      FROM track_comments c JOIN tracks t ON t.id = c.track_id WHERE c.id = ${id}`,
  playlist: (id, viewer) => sql`
    SELECT p.taken_down_at IS NOT NULL AS taken_down, p.visibility = 'private' AS private,
           ${playlistRule.sql(viewer)} AS visible
      FROM playlists p WHERE p.id = ${id}`,
};

/**
 * Whether staff may act on this subject directly (moderation.routes takedown and restore):
 * anything not private (a public upload still processing too), what is taken down, what was
 * reported (now or before), and what the visibility rules let them open (admins: everything).
 * False too when it does not exist.
 */
export async function mayModerate(
  db: Kysely<DB>,
  subject: { type: "track" | "comment" | "playlist"; id: string },
  viewer: Viewer,
): Promise<boolean> {
  const { rows } = await sql<{ allowed: boolean }>`
    SELECT NOT s.private OR s.taken_down OR s.visible OR EXISTS (
             SELECT 1 FROM reports r WHERE r.subject_type = ${subject.type} AND r.subject_id = ${subject.id})
           AS allowed
      FROM (${visibleTo[subject.type](subject.id, viewer)}) s`.execute(db);
  return rows[0]?.allowed === true;
}
