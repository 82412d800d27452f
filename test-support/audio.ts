// Test audio made by ffmpeg from its generators (lavfi), for e2e journeys and benchmarks.
import { execFileSync } from "node:child_process";

/**
 * Writes `output` from ffmpeg's generators `sources` (e.g. `sine=frequency=330:duration=8`),
 * quietly (errors only) and overwriting; `options` go between the inputs and the file.
 */
export function generateAudio(output: string, sources: readonly string[], options: readonly string[] = []): string {
  const inputs = sources.flatMap((source) => ["-f", "lavfi", "-i", source]);
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...inputs, ...options, output]);
  return output;
}
