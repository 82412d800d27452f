-- The durable job queue (platform/jobs). A job is claimed with a lease; a worker that
-- dies (kill -9) stops renewing it, and the job becomes claimable again when it expires.
CREATE TABLE jobs (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  state        text NOT NULL DEFAULT 'queued'
               CHECK (state IN ('queued', 'running', 'succeeded', 'dead')),
  attempts     integer NOT NULL DEFAULT 0,
  -- NULL: the job type's own limit applies.
  max_attempts integer CHECK (max_attempts > 0),
  run_at       timestamptz NOT NULL DEFAULT now(),
  locked_by    text,
  locked_until timestamptz,
  last_error   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);

CREATE INDEX jobs_queued_idx ON jobs (run_at) WHERE state = 'queued';
CREATE INDEX jobs_running_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state = 'succeeded';

-- One row per cron job: the last occurrence already enqueued, so several workers
-- never enqueue the same occurrence twice.
CREATE TABLE cron_schedules (
  name              text PRIMARY KEY,
  last_scheduled_at timestamptz NOT NULL
);
