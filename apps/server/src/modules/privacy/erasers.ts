import type { AccountEraser } from "../../platform/personal-data/eraser.ts";
import { eraseSignIns } from "../accounts/index.ts";
import { eraseListeningHistory } from "../listening/index.ts";
import { eraseNotifications } from "../notifications/index.ts";
import { erasePlaylists } from "../playlists/index.ts";
import { eraseSocialTies } from "../social/index.ts";

/** What each module forgets of an account deleted at once, in this order; each module erases its own. */
export const accountErasers: readonly AccountEraser[] = [
  eraseSignIns,
  eraseListeningHistory,
  eraseNotifications,
  erasePlaylists,
  eraseSocialTies,
];
