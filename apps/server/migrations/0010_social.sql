-- Social: likes of tracks and playlists, reposts, follows, comments, and their counts.
--
-- Each count lives on the row it counts for (tracks.like_count, playlists.like_count,
-- users.follower_count, …) and is kept by a trigger on the relation table, in the very
-- transaction that inserts or deletes the relation row, whatever deletes it: an unlike, or
-- a cascade from a deleted track, playlist or account. Relation rows are inserted with
-- ON CONFLICT DO NOTHING, so a repeated like inserts nothing and counts nothing, and
-- concurrent changes to one count queue on its row's lock, so none is lost.

ALTER TABLE tracks
  ADD COLUMN like_count    integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
  ADD COLUMN repost_count  integer NOT NULL DEFAULT 0 CHECK (repost_count >= 0),
  ADD COLUMN comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0);

ALTER TABLE playlists
  ADD COLUMN like_count integer NOT NULL DEFAULT 0 CHECK (like_count >= 0);

ALTER TABLE users
  ADD COLUMN follower_count  integer NOT NULL DEFAULT 0 CHECK (follower_count >= 0),
  ADD COLUMN following_count integer NOT NULL DEFAULT 0 CHECK (following_count >= 0);

-- The primary keys answer "do I like it?" and carry the cascade from the liked row; the
-- user indexes are "my likes" / "their reposts", newest first (keyset on created_at, id),
-- and the cascade from the user.
CREATE TABLE track_likes (
  track_id   uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (track_id, user_id)
);
CREATE INDEX track_likes_user_idx ON track_likes (user_id, created_at DESC, track_id DESC);

CREATE TABLE playlist_likes (
  playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (playlist_id, user_id)
);
CREATE INDEX playlist_likes_user_idx ON playlist_likes (user_id, created_at DESC, playlist_id DESC);

-- A repost puts someone else's public track in the feeds of the reposter's followers.
CREATE TABLE track_reposts (
  track_id   uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (track_id, user_id)
);
CREATE INDEX track_reposts_user_idx ON track_reposts (user_id, created_at DESC, track_id DESC);

CREATE TABLE follows (
  follower_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followee_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
);
-- Whom I follow and who follows me, newest first.
CREATE INDEX follows_following_idx ON follows (follower_id, created_at DESC, followee_id DESC);
CREATE INDEX follows_followers_idx ON follows (followee_id, created_at DESC, follower_id DESC);

-- Plain text (the web app renders it escaped), optionally at a moment of the track.
CREATE TABLE track_comments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  track_id     uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  author_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body         text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
  -- Milliseconds into the track, checked against its length when written.
  timestamp_ms integer CHECK (timestamp_ms >= 0),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX track_comments_track_idx ON track_comments (track_id, created_at DESC, id DESC);
CREATE INDEX track_comments_author_idx ON track_comments (author_id);

-- The counting triggers. AFTER ROW triggers run inside the statement's transaction; a
-- cascade that deletes the counted-for row itself finds nothing left to update.
CREATE FUNCTION social_count_track_likes() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE tracks SET like_count = like_count + 1 WHERE id = NEW.track_id;
  ELSE
    UPDATE tracks SET like_count = like_count - 1 WHERE id = OLD.track_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER track_likes_count AFTER INSERT OR DELETE ON track_likes
  FOR EACH ROW EXECUTE FUNCTION social_count_track_likes();

CREATE FUNCTION social_count_track_reposts() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE tracks SET repost_count = repost_count + 1 WHERE id = NEW.track_id;
  ELSE
    UPDATE tracks SET repost_count = repost_count - 1 WHERE id = OLD.track_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER track_reposts_count AFTER INSERT OR DELETE ON track_reposts
  FOR EACH ROW EXECUTE FUNCTION social_count_track_reposts();

CREATE FUNCTION social_count_track_comments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE tracks SET comment_count = comment_count + 1 WHERE id = NEW.track_id;
  ELSE
    UPDATE tracks SET comment_count = comment_count - 1 WHERE id = OLD.track_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER track_comments_count AFTER INSERT OR DELETE ON track_comments
  FOR EACH ROW EXECUTE FUNCTION social_count_track_comments();

CREATE FUNCTION social_count_playlist_likes() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE playlists SET like_count = like_count + 1 WHERE id = NEW.playlist_id;
  ELSE
    UPDATE playlists SET like_count = like_count - 1 WHERE id = OLD.playlist_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER playlist_likes_count AFTER INSERT OR DELETE ON playlist_likes
  FOR EACH ROW EXECUTE FUNCTION social_count_playlist_likes();

-- A follow changes two users' counts. Their rows are updated in id order, so two people
-- following each other at the same moment cannot deadlock.
CREATE FUNCTION social_count_follows() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  delta    integer := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
  follower uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.follower_id ELSE OLD.follower_id END;
  followee uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.followee_id ELSE OLD.followee_id END;
BEGIN
  IF follower < followee THEN
    UPDATE users SET following_count = following_count + delta WHERE id = follower;
    UPDATE users SET follower_count = follower_count + delta WHERE id = followee;
  ELSE
    UPDATE users SET follower_count = follower_count + delta WHERE id = followee;
    UPDATE users SET following_count = following_count + delta WHERE id = follower;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER follows_count AFTER INSERT OR DELETE ON follows
  FOR EACH ROW EXECUTE FUNCTION social_count_follows();

-- The "new track" fan-out to a creator's followers (job social.announce_track): followers
-- are told in batches, in (followed at, follower id) order, each batch in one transaction
-- with the position reached, so a retried job resumes after the last follower told and
-- nobody hears twice. One row per track: a track is announced once.
CREATE TABLE track_announcements (
  track_id         uuid PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
  last_followed_at timestamptz,
  last_follower_id uuid,
  told             integer NOT NULL DEFAULT 0,
  finished_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Popularity for the home feed's "popular tracks": plays on a log scale, traded against
-- age (twice the plays ranks like a track three days newer). The order of two tracks never
-- depends on when it is computed, and a track only climbs (plays are never uncounted), so
-- keyset pages over it never show a track twice. Immutable in fact (the epoch of a
-- timestamptz does not depend on the time zone), so an index can hold it.
CREATE FUNCTION stave_popularity(created_at timestamptz, plays bigint) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN extract(epoch FROM created_at)::double precision + 259200 * ln(1 + plays::double precision) / ln(2);

CREATE INDEX tracks_popular_idx ON tracks (stave_popularity(created_at, play_count) DESC, id DESC)
  WHERE visibility = 'public' AND status = 'ready';
