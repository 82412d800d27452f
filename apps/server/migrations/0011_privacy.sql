-- Data exports (GDPR access) and the account deletion lifecycle.

CREATE TABLE data_exports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'processing', 'ready', 'failed', 'expired')),
  storage_key  text,
  size_bytes   bigint,
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  -- Set when ready: the download link works until then, and the file is deleted after.
  expires_at   timestamptz
);
-- "My exports" and the rolling 24-hour count behind the 3-a-day limit.
CREATE INDEX data_exports_user_idx ON data_exports (user_id, created_at DESC);
CREATE INDEX data_exports_expiry_idx ON data_exports (expires_at) WHERE status = 'ready';

-- The hard-delete pass looks for accounts deleted 30+ days ago and not yet purged.
CREATE INDEX users_pending_hard_delete_idx ON users (deleted_at)
  WHERE deleted_at IS NOT NULL AND hard_deleted_at IS NULL;
