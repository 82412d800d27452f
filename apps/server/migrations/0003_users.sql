CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE users (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email                  citext NOT NULL,
  username               text NOT NULL CHECK (username ~ '^[a-z0-9_.-]{3,30}$'),
  password_hash          text,
  role                   text NOT NULL DEFAULT 'user'
                         CHECK (role IN ('user', 'creator', 'premium', 'moderator', 'admin',
                                         'artist', 'producer', 'label')),
  is_verified            boolean NOT NULL DEFAULT false,
  verified_at            timestamptz,
  promoted_to_creator_at timestamptz,
  two_factor_enabled     boolean NOT NULL DEFAULT false,
  two_factor_secret      text,
  backup_codes           text[] NOT NULL DEFAULT '{}',
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  deleted_at             timestamptz,
  hard_deleted_at        timestamptz
);

CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_username_key ON users (username);
-- Organic creators (self-promoted) stay distinguishable from admin-assigned roles.
CREATE INDEX users_promoted_to_creator_at_idx ON users (promoted_to_creator_at)
  WHERE promoted_to_creator_at IS NOT NULL;

CREATE TABLE user_profiles (
  user_id      uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  display_name text,
  bio          text,
  avatar_key   text,
  location     text,
  links        jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  ip          inet,
  user_agent  text,
  metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC);
