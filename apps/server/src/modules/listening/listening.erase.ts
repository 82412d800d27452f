import type { AccountEraser } from "../../platform/personal-data/eraser.ts";

/** What the account listened to. */
export const eraseListeningHistory: AccountEraser = async (trx, userId) => {
  await trx.deleteFrom("playback_history").where("user_id", "=", userId).execute();
};
