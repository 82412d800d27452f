import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/** The SQL of upload_reservations: resumable uploads' declared lengths, held against the quota. */

/** Serialises one owner's reservations until the transaction ends (other owners are not held up). */
export async function lockOwnerReservations(trx: Kysely<DB>, ownerId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`upload_reservations:${ownerId}`}))`.execute(trx);
}

export async function insertReservation(db: Kysely<DB>, row: { uploadId: string; ownerId: string; bytes: number }) {
  await db
    .insertInto("upload_reservations")
    .values({ upload_id: row.uploadId, owner_id: row.ownerId, bytes: row.bytes })
    .onConflict((conflict) => conflict.column("upload_id").doUpdateSet({ bytes: row.bytes }))
    .execute();
}

export async function deleteReservation(db: Kysely<DB>, uploadId: string) {
  await db.deleteFrom("upload_reservations").where("upload_id", "=", uploadId).execute();
}

/** Reservations made before `before`, for the clean-up pass to check against the files still there. */
export async function reservationsMadeBefore(db: Kysely<DB>, before: Date) {
  return db.selectFrom("upload_reservations").select("upload_id").where("created_at", "<", before).execute();
}
