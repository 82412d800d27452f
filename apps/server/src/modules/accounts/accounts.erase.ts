import type { AccountEraser } from "../../platform/personal-data/eraser.ts";

/** Sessions, access tokens and one-time tokens (reset and verification links) go: the account is signed out everywhere. */
export const eraseSignIns: AccountEraser = async (trx, userId) => {
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  await trx.deleteFrom("personal_access_tokens").where("user_id", "=", userId).execute();
  await trx.deleteFrom("one_time_tokens").where("user_id", "=", userId).execute();
};
