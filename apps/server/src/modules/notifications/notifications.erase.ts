import type { AccountEraser } from "../../platform/personal-data/eraser.ts";

/** The account's notifications and its notification settings. */
export const eraseNotifications: AccountEraser = async (trx, userId) => {
  await trx.deleteFrom("notifications").where("user_id", "=", userId).execute();
  await trx.deleteFrom("notification_settings").where("user_id", "=", userId).execute();
};
