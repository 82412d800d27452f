-- The four "how many rows point at this one" counters of 0010 (track likes, reposts and
-- comments, playlist likes) were one trigger written four times, and 0012 rewrote one copy to
-- leave taken-down comments out. One function now keeps them all, told by its arguments which
-- counter to move: the counted table, its counter column, and the column of the counting row
-- that holds the counted row's id.
--
-- A row counts unless it has been taken down. Rows of tables without `taken_down_at` (likes,
-- reposts) read it as NULL through jsonb, so they always count; a comment taken down leaves its
-- track's count and comes back to it when restored, as 0012 decided.
CREATE FUNCTION count_rows_pointing_at() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  counted_table  text := TG_ARGV[0];
  counter_column text := TG_ARGV[1];
  key_column     text := TG_ARGV[2];
  old_row  jsonb;
  new_row  jsonb;
  old_counts integer := 0;
  new_counts integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_row := to_jsonb(OLD);
    old_counts := (old_row ->> 'taken_down_at' IS NULL)::integer;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_row := to_jsonb(NEW);
    new_counts := (new_row ->> 'taken_down_at' IS NULL)::integer;
  END IF;
  IF new_counts = old_counts THEN
    RETURN NULL;
  END IF;
  EXECUTE format('UPDATE %I SET %I = %I + $1 WHERE id = $2', counted_table, counter_column, counter_column)
    USING new_counts - old_counts, (coalesce(new_row, old_row) ->> key_column)::uuid;
  RETURN NULL;
END $$;

DROP TRIGGER track_likes_count ON track_likes;
DROP TRIGGER track_reposts_count ON track_reposts;
DROP TRIGGER track_comments_count ON track_comments;
DROP TRIGGER playlist_likes_count ON playlist_likes;
DROP FUNCTION social_count_track_likes();
DROP FUNCTION social_count_track_reposts();
DROP FUNCTION social_count_track_comments();
DROP FUNCTION social_count_playlist_likes();

CREATE TRIGGER track_likes_count AFTER INSERT OR DELETE ON track_likes
  FOR EACH ROW EXECUTE FUNCTION count_rows_pointing_at('tracks', 'like_count', 'track_id');
CREATE TRIGGER track_reposts_count AFTER INSERT OR DELETE ON track_reposts
  FOR EACH ROW EXECUTE FUNCTION count_rows_pointing_at('tracks', 'repost_count', 'track_id');
CREATE TRIGGER track_comments_count AFTER INSERT OR DELETE OR UPDATE OF taken_down_at ON track_comments
  FOR EACH ROW EXECUTE FUNCTION count_rows_pointing_at('tracks', 'comment_count', 'track_id');
CREATE TRIGGER playlist_likes_count AFTER INSERT OR DELETE ON playlist_likes
  FOR EACH ROW EXECUTE FUNCTION count_rows_pointing_at('playlists', 'like_count', 'playlist_id');
