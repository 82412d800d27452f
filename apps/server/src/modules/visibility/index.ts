/**
 * The visibility rules: who may see a track, a playlist, a comment and a profile, and what is
 * publicly listed. Every read path asks these, in SQL or on loaded rows; the decisions and
 * their reasons are in rules.ts.
 */
export type { RuleTables } from "./conditions.ts";
export {
  commentRule,
  feedTrackRule,
  listedCommentRule,
  listedPlaylistRule,
  listedTrackRule,
  playableTrackRule,
  playlistRule,
  profileRule,
  type Rule,
  sharedTrackRule,
  trackRule,
  unhiddenTrackRule,
} from "./rules.ts";
export { loadBlockedWith, type Viewer, viewerOf } from "./viewer.ts";
