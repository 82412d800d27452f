/** Seconds as a clock reads them: "3:07", or "1:02:45" past an hour; "0:00" for anything unknown. */
export function formatClock(totalSeconds: number): string {
  const safe = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const hours = Math.floor(safe / 3600);
  const minutes = Math.floor((safe % 3600) / 60);
  const seconds = String(safe % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** A track's length from the API's milliseconds, or an em dash until it is known. */
export function formatDurationMs(durationMs: number | null): string {
  return durationMs === null ? "—" : formatClock(durationMs / 1000);
}

/** "1 play", "1,234 plays". */
export function formatPlayCount(count: number): string {
  return `${count.toLocaleString("en")} ${count === 1 ? "play" : "plays"}`;
}

/** Bytes as people read file sizes: "820 KB", "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
