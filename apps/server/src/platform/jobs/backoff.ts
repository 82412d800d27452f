const MAX_BACKOFF_SECONDS = 3600;

/** Delay before retry number `attempt` (1-based): base, 2×base, 4×base… capped at an hour. */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(MAX_BACKOFF_SECONDS, baseSeconds * 2 ** exponent);
}
