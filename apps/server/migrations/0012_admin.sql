-- Admin and moderation: suspensions, reports, takedowns, instance settings, invite codes.

-- Suspension. A suspended account cannot sign in, and its public tracks are hidden.
-- A forced password reset makes the current password stop working until the owner resets it.
ALTER TABLE users
  ADD COLUMN suspended_at             timestamptz,
  ADD COLUMN suspension_reason        text,
  ADD COLUMN password_reset_required  boolean NOT NULL DEFAULT false,
  -- NULL: the instance's default quota applies.
  ADD COLUMN storage_quota_bytes      bigint CHECK (storage_quota_bytes >= 0);
CREATE INDEX users_suspended_idx ON users (suspended_at) WHERE suspended_at IS NOT NULL;
CREATE INDEX users_created_idx ON users (created_at DESC, id DESC);

-- 'hidden': processed, but nobody but the owner may see it (taken down, or the owner is
-- suspended). Every public read already asks for status = 'ready', so hiding needs no
-- change to any of them, and the partial indexes stay as they are.
ALTER TABLE tracks DROP CONSTRAINT tracks_status_check;
ALTER TABLE tracks ADD CONSTRAINT tracks_status_check
  CHECK (status IN ('uploaded', 'processing', 'ready', 'failed', 'hidden'));

-- A takedown (by a moderator) on a track, comment or playlist: hidden from everyone but its
-- owner, who sees the reason. `copyright` takedowns are told apart for the owner and the stats.
ALTER TABLE tracks
  ADD COLUMN taken_down_at   timestamptz,
  ADD COLUMN takedown_reason text,
  ADD COLUMN takedown_kind   text CHECK (takedown_kind IN ('policy', 'copyright'));
ALTER TABLE track_comments
  ADD COLUMN taken_down_at   timestamptz,
  ADD COLUMN takedown_reason text;
ALTER TABLE playlists
  ADD COLUMN taken_down_at   timestamptz,
  ADD COLUMN takedown_reason text;

-- A track's comment count is what everyone sees beside the comments everyone sees: a comment
-- taken down leaves the count, and comes back to it when restored.
CREATE OR REPLACE FUNCTION social_count_track_comments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.taken_down_at IS NULL THEN
      UPDATE tracks SET comment_count = comment_count + 1 WHERE id = NEW.track_id;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.taken_down_at IS NULL THEN
      UPDATE tracks SET comment_count = comment_count - 1 WHERE id = OLD.track_id;
    END IF;
  ELSIF (OLD.taken_down_at IS NULL) <> (NEW.taken_down_at IS NULL) THEN
    UPDATE tracks SET comment_count = comment_count + CASE WHEN NEW.taken_down_at IS NULL THEN 1 ELSE -1 END
     WHERE id = NEW.track_id;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER track_comments_count ON track_comments;
CREATE TRIGGER track_comments_count AFTER INSERT OR DELETE OR UPDATE OF taken_down_at ON track_comments
  FOR EACH ROW EXECUTE FUNCTION social_count_track_comments();

CREATE TABLE reports (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Kept when the reporter deletes their account: the report still needs handling.
  reporter_id     uuid REFERENCES users (id) ON DELETE SET NULL,
  subject_type    text NOT NULL CHECK (subject_type IN ('track', 'comment', 'playlist', 'user')),
  subject_id      uuid NOT NULL,
  -- Whose content it is, when reported (for the queue, and to refuse reporting oneself).
  subject_owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  category        text NOT NULL
                  CHECK (category IN ('spam', 'harassment', 'hate', 'sexual', 'violence', 'copyright',
                                      'impersonation', 'other')),
  details         text NOT NULL DEFAULT '' CHECK (char_length(details) <= 2000),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
  -- What resolving did: took the content down, restored it, or nothing (already handled).
  outcome         text CHECK (outcome IN ('taken_down', 'restored', 'no_action')),
  resolution_note text CHECK (char_length(resolution_note) <= 2000),
  resolver_id     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  resolved_at     timestamptz
);
-- The queue: open first, oldest first; and "has this person already reported this?".
CREATE INDEX reports_queue_idx ON reports (status, created_at, id);
CREATE INDEX reports_subject_idx ON reports (subject_type, subject_id, status);
CREATE UNIQUE INDEX reports_one_open_per_reporter_idx ON reports (reporter_id, subject_type, subject_id)
  WHERE status = 'open';

-- One row: what an admin can change without a restart. NULL columns fall back to the
-- server's configuration (SITE_NAME, UPLOAD_MAX_BYTES, STORAGE_QUOTA_BYTES).
CREATE TABLE instance_settings (
  id                          boolean PRIMARY KEY DEFAULT true CHECK (id),
  registration_mode           text NOT NULL DEFAULT 'open'
                              CHECK (registration_mode IN ('open', 'closed', 'invite')),
  site_name                   text CHECK (char_length(site_name) BETWEEN 1 AND 80),
  site_description            text NOT NULL DEFAULT '' CHECK (char_length(site_description) <= 1000),
  terms_text                  text NOT NULL DEFAULT '' CHECK (char_length(terms_text) <= 50000),
  privacy_text                text NOT NULL DEFAULT '' CHECK (char_length(privacy_text) <= 50000),
  default_upload_limit_bytes  bigint CHECK (default_upload_limit_bytes > 0),
  default_storage_quota_bytes bigint CHECK (default_storage_quota_bytes >= 0),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  updated_by                  uuid REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO instance_settings (id) VALUES (true);

-- Invite codes for invite-only registration. Only a hash is kept: the code is shown once.
CREATE TABLE invite_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code_hash   text NOT NULL UNIQUE,
  -- The first characters, so an admin can tell codes apart in the list.
  code_hint   text NOT NULL,
  note        text NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
  max_uses    integer NOT NULL DEFAULT 1 CHECK (max_uses >= 1),
  uses        integer NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
  expires_at  timestamptz,
  revoked_at  timestamptz,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Notifications for moderation: the reporter hears the outcome, the owner hears of a takedown.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('follow', 'like', 'comment', 'repost', 'message', 'new_track', 'export_ready',
                  'track_ready', 'track_failed', 'report_resolved', 'content_taken_down',
                  'content_restored'));

-- The audit viewer filters by target too.
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, created_at DESC);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
