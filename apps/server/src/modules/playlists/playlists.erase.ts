import type { AccountEraser } from "../../platform/personal-data/eraser.ts";

/** The account's playlists (the tracks in them stay, theirs or others'). */
export const erasePlaylists: AccountEraser = async (trx, userId) => {
  await trx.deleteFrom("playlists").where("owner_id", "=", userId).execute();
};
