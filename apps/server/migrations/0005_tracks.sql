CREATE TABLE tracks (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title             text NOT NULL,
  slug              text NOT NULL,
  description       text,
  genre             text,
  tags              text[] NOT NULL DEFAULT '{}',
  visibility        text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted', 'private')),
  downloadable      boolean NOT NULL DEFAULT false,
  license           text,
  release_date      date,
  status            text NOT NULL DEFAULT 'uploaded'
                    CHECK (status IN ('uploaded', 'processing', 'ready', 'failed')),
  progress          smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  failure_reason    text,
  original_key      text NOT NULL,
  original_format   text NOT NULL,
  original_size     bigint NOT NULL,
  original_filename text,
  artwork_source_key text,
  artwork_prefix    text,
  hls_prefix        text,
  duration_ms       integer,
  loudness_lufs     real,
  true_peak_dbtp    real,
  waveform          jsonb,
  artist            text,
  album             text,
  play_count        bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_id, slug)
);

-- The public feed: newest ready public tracks first.
CREATE INDEX tracks_public_feed_idx ON tracks (created_at DESC, id DESC)
  WHERE visibility = 'public' AND status = 'ready';
CREATE INDEX tracks_owner_idx ON tracks (owner_id, created_at DESC, id DESC);
