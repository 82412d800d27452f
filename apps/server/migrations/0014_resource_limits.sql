-- Per-key concurrency for jobs (platform/jobs): at most a job type's `concurrencyPerKey` jobs
-- sharing a key run at once across every worker, e.g. one creator's tracks.process jobs; the
-- others stay queued, in their run_at order, until a slot frees.
ALTER TABLE jobs ADD COLUMN concurrency_key text;

-- Counting a key's running jobs at each claim reads only this.
CREATE INDEX jobs_running_key_idx ON jobs (concurrency_key)
  WHERE state = 'running' AND concurrency_key IS NOT NULL;

-- Resumable uploads in flight hold their declared length against the owner's storage quota
-- from creation to completion (or abandonment), so many parallel uploads cannot each pass
-- the quota check alone. The upload id is the tus upload's id (its file in DATA_DIR/tmp/tus).
CREATE TABLE upload_reservations (
  upload_id  text PRIMARY KEY,
  owner_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  bytes      bigint NOT NULL CHECK (bytes >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX upload_reservations_owner_idx ON upload_reservations (owner_id);
