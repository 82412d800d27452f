import type { AccountEraser } from "../../platform/personal-data/eraser.ts";

/**
 * Likes, reposts and follows, both ways, go (their counts follow by trigger); comments stay,
 * from "Deleted user".
 */
export const eraseSocialTies: AccountEraser = async (trx, userId) => {
  await trx.deleteFrom("track_likes").where("user_id", "=", userId).execute();
  await trx.deleteFrom("playlist_likes").where("user_id", "=", userId).execute();
  await trx.deleteFrom("track_reposts").where("user_id", "=", userId).execute();
  await trx
    .deleteFrom("follows")
    .where((eb) => eb.or([eb("follower_id", "=", userId), eb("followee_id", "=", userId)]))
    .execute();
};
