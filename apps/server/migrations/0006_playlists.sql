-- Playlists: a user's ordered selection of tracks.

CREATE TABLE playlists (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title       text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text CHECK (char_length(description) <= 5000),
  visibility  text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted', 'private')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- "My playlists", newest first, and a user's public ones (keyset pages on created_at, id).
CREATE INDEX playlists_owner_idx ON playlists (owner_id, created_at DESC, id DESC);
CREATE INDEX playlists_owner_public_idx ON playlists (owner_id, created_at DESC, id DESC)
  WHERE visibility = 'public';

CREATE TABLE playlist_tracks (
  playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
  track_id    uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  -- Ascending play order. Gaps are fine (removals leave them); a reorder renumbers 0..n-1.
  position    integer NOT NULL,
  added_at    timestamptz NOT NULL DEFAULT now(),
  -- A track at most once per playlist.
  PRIMARY KEY (playlist_id, track_id),
  -- Checked at the end of each statement, so one UPDATE can permute every position.
  CONSTRAINT playlist_tracks_position_key UNIQUE (playlist_id, position) DEFERRABLE INITIALLY IMMEDIATE
);

-- The playlists a track is in (and the cascade when a track is deleted).
CREATE INDEX playlist_tracks_track_idx ON playlist_tracks (track_id);
