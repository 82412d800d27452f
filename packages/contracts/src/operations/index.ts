import { adminJobsOperations } from "./adminJobs.ts";
import { adminStatsOperations } from "./adminStats.ts";
import { adminUsersOperations } from "./adminUsers.ts";
import { auditOperations } from "./audit.ts";
import { authOperations } from "./auth.ts";
import { blocksOperations } from "./blocks.ts";
import { followsOperations } from "./follows.ts";
import { instanceOperations } from "./instance.ts";
import { invitesOperations } from "./invites.ts";
import { listeningOperations } from "./listening.ts";
import { meOperations } from "./me.ts";
import { messagesOperations } from "./messages.ts";
import { moderationOperations } from "./moderation.ts";
import { notificationsOperations } from "./notifications.ts";
import { playlistsOperations } from "./playlists.ts";
import { privacyOperations } from "./privacy.ts";
import { searchOperations } from "./search.ts";
import { socialOperations } from "./social.ts";
import { streamingOperations } from "./streaming.ts";
import { tracksOperations } from "./tracks.ts";

/**
 * Every API operation by domain: `api.instance.info`, `api.tracks.update`… The server
 * registers its routes from these, the web client calls them and the mocks answer them.
 */
export const api = {
  adminJobs: adminJobsOperations,
  adminStats: adminStatsOperations,
  adminUsers: adminUsersOperations,
  audit: auditOperations,
  auth: authOperations,
  blocks: blocksOperations,
  follows: followsOperations,
  instance: instanceOperations,
  invites: invitesOperations,
  listening: listeningOperations,
  me: meOperations,
  messages: messagesOperations,
  moderation: moderationOperations,
  notifications: notificationsOperations,
  playlists: playlistsOperations,
  privacy: privacyOperations,
  search: searchOperations,
  social: socialOperations,
  streaming: streamingOperations,
  tracks: tracksOperations,
};
