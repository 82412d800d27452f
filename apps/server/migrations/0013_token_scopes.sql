-- Personal access tokens get a scope set and an optional expiry (issue 13, section 3).
-- Tokens made before this migration could do everything their owner could except, from now
-- on, reach admin routes: they keep read, write and upload, never admin (an admin who wants
-- an admin token makes a new one, confirming their password).
ALTER TABLE personal_access_tokens
  ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['read', 'write', 'upload']::text[]
    CHECK (scopes <@ ARRAY['read', 'write', 'upload', 'admin']::text[]),
  ADD COLUMN expires_at timestamptz;

-- New rows must say their scopes: the default above is only for the rows that existed.
ALTER TABLE personal_access_tokens ALTER COLUMN scopes DROP DEFAULT;
