-- Listening: play sessions, the counting rule's state, playback history and creator stats.
--
-- Listeners are identified by `listener_key`: an HMAC (keyed by SECRET_KEY) of the user id,
-- or for anonymous listeners of IP + user agent. No raw IP or user agent is stored here.
-- Days are UTC days.

-- One row per play: a listener starting a track. Its progress decides whether it counts.
-- Kept for two days (listening.prune_plays): the counting rule's memory is track_listeners.
CREATE TABLE play_sessions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  track_id       uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  listener_key   text NOT NULL,
  -- Taken when the play starts, so a progress report never needs the track row.
  duration_ms    integer,
  counts_after_ms integer NOT NULL CHECK (counts_after_ms > 0),
  listened_ms    integer NOT NULL DEFAULT 0 CHECK (listened_ms >= 0),
  -- Decided once, when listened_ms first reaches counts_after_ms: 'counted', or 'repeat'
  -- (this listener's play of the track already counted in the last 10 minutes).
  outcome        text CHECK (outcome IN ('counted', 'repeat')),
  started_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX play_sessions_track_idx ON play_sessions (track_id);
CREATE INDEX play_sessions_updated_idx ON play_sessions (updated_at);

-- Per track and listener, once a play of theirs counted: when it last did (the 10-minute
-- rule; the row lock serialises the decision, so concurrent reports count exactly once)
-- and on which day (unique listeners per period, without reading raw plays).
CREATE TABLE track_listeners (
  track_id        uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  listener_key    text NOT NULL,
  last_counted_at timestamptz NOT NULL,
  last_played_on  date NOT NULL,
  plays           bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (track_id, listener_key)
);
CREATE INDEX track_listeners_recent_idx ON track_listeners (track_id, last_played_on);

-- Counted plays per track and day, written in the transaction that counts a play: stats
-- read these, never raw plays. `listeners` = distinct listeners of the track that day.
CREATE TABLE track_play_days (
  track_id  uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  day       date NOT NULL,
  plays     integer NOT NULL DEFAULT 0 CHECK (plays >= 0),
  listeners integer NOT NULL DEFAULT 0 CHECK (listeners >= 0),
  PRIMARY KEY (track_id, day)
);

-- What a signed-in user listened to: one row per play, its length growing with progress.
-- The user's own data (privacy export, deleted with the account); removing an entry does
-- not uncount the play.
CREATE TABLE playback_history (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  track_id    uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  -- The play this entry follows; unset once the play is pruned.
  play_id     uuid UNIQUE REFERENCES play_sessions (id) ON DELETE SET NULL,
  played_at   timestamptz NOT NULL DEFAULT now(),
  listened_ms integer NOT NULL DEFAULT 0 CHECK (listened_ms >= 0),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
-- "My history", newest first (keyset pages on played_at, id).
CREATE INDEX playback_history_user_idx ON playback_history (user_id, played_at DESC, id DESC);
CREATE INDEX playback_history_track_idx ON playback_history (track_id);
