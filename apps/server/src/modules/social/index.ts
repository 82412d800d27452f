/**
 * Social: likes, reposts, follows, comments, the feed and track announcements (tables
 * `track_likes`, `playlist_likes`, `track_reposts`, `follows`, `track_comments`,
 * `track_announcements`).
 */
export { findCommentForReport, lockCommentForTakedown, setCommentTakedown } from "./comments.repo.ts";
export { deleteFollowsBetween } from "./follows.repo.ts";
export type { SocialContext } from "./social.context.ts";
export { eraseSocialTies } from "./social.erase.ts";
export { commentsExporter, followsExporter, likesExporter } from "./social.export.ts";
export { announceReadyTrack, socialJobs } from "./social.jobs.ts";
export { registerSocialRoutes } from "./social.routes.ts";
