import type { AnyExporter } from "../../platform/personal-data/exporter.ts";
import { accountExporter, profileExporter } from "../accounts/index.ts";
import { securityEventsExporter } from "../audit/index.ts";
import { playbackHistoryCsvExporter, playbackHistoryExporter } from "../listening/index.ts";
import { messagesExporter } from "../messages/index.ts";
import { notificationsExporter } from "../notifications/index.ts";
import { playlistsExporter } from "../playlists/index.ts";
import { commentsExporter, followsExporter, likesExporter } from "../social/index.ts";
import { tracksExporter } from "../tracks/index.ts";

/** The files of a data export, in the archive's order; each module writes its own. */
export const archiveExporters: readonly AnyExporter[] = [
  accountExporter,
  profileExporter,
  tracksExporter,
  playlistsExporter,
  likesExporter,
  followsExporter,
  commentsExporter,
  messagesExporter,
  playbackHistoryExporter,
  playbackHistoryCsvExporter,
  notificationsExporter,
  securityEventsExporter,
];
