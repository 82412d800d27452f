import { sql } from "kysely";
import { exporter, isoTime, rowsByKey, titleIf } from "../../platform/personal-data/exporter.ts";
import { playlistRule, sharedTrackRule } from "../visibility/index.ts";

/** `likes.json`: the tracks and playlists the user liked, in the order they liked them. */
export const likesExporter = exporter({
  file: "likes.json",
  recordType: "like",
  format: "json",
  async *records(userId, source) {
    const { db } = source;
    type LikeType = "track" | "playlist";
    const trackLikes = db
      .selectFrom("track_likes as l")
      .innerJoin("tracks as t", "t.id", "l.track_id")
      .select([
        sql<LikeType>`'track'`.as("type"),
        "l.track_id as id",
        titleIf(sharedTrackRule.sql({ userId }), sql.ref("t.title")).as("title"),
        "l.created_at as at",
      ])
      .where("l.user_id", "=", userId);
    const playlistLikes = db
      .selectFrom("playlist_likes as l")
      .innerJoin("playlists as p", "p.id", "l.playlist_id")
      .select([
        sql<LikeType>`'playlist'`.as("type"),
        "l.playlist_id as id",
        titleIf(playlistRule.sql({ userId }), sql.ref("p.title")).as("title"),
        "l.created_at as at",
      ])
      .where("l.user_id", "=", userId);
    const likes = rowsByKey(
      source,
      db
        .selectFrom(trackLikes.unionAll(playlistLikes).as("likes"))
        .select(["likes.type", "likes.id", "likes.title", "likes.at"]),
      { at: "likes.at", id: "likes.id" },
    );
    for await (const like of likes) {
      yield { type: like.type, id: like.id, title: like.title, likedAt: isoTime(like.at) };
    }
  },
});

/** `follows.json`: the people the user follows, in the order they followed them. */
export const followsExporter = exporter({
  file: "follows.json",
  recordType: "follow",
  format: "json",
  async *records(userId, source) {
    const follows = rowsByKey(
      source,
      source.db
        .selectFrom("follows as f")
        .innerJoin("users as u", "u.id", "f.followee_id")
        .select(["f.followee_id", "u.username", "f.created_at"])
        .where("f.follower_id", "=", userId),
      { at: "f.created_at", id: "f.followee_id" },
    );
    for await (const follow of follows) {
      yield { userId: follow.followee_id, username: follow.username, followedAt: isoTime(follow.created_at) };
    }
  },
});

/** `comments.json`: the comments the user wrote, oldest first, with the track's title if they may still see it. */
export const commentsExporter = exporter({
  file: "comments.json",
  recordType: "comment",
  format: "json",
  async *records(userId, source) {
    const comments = rowsByKey(
      source,
      source.db
        .selectFrom("track_comments as c")
        .innerJoin("tracks as t", "t.id", "c.track_id")
        .select([
          "c.id",
          "c.track_id",
          titleIf(sharedTrackRule.sql({ userId }), sql.ref("t.title")).as("track_title"),
          "c.body",
          "c.timestamp_ms",
          "c.created_at",
        ])
        .where("c.author_id", "=", userId),
      { at: "c.created_at", id: "c.id" },
    );
    for await (const comment of comments) {
      yield {
        id: comment.id,
        track_id: comment.track_id,
        track_title: comment.track_title,
        body: comment.body,
        timestamp_ms: comment.timestamp_ms,
        createdAt: isoTime(comment.created_at),
      };
    }
  },
});
