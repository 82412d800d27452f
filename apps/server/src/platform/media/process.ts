import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "../logger.ts";
import { MediaProcessingError } from "./errors.ts";
import { describeFfmpegFailure, TailBuffer } from "./parsers.ts";
import { isExecutableFile } from "./resolve.ts";

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The last ~4 KB of stderr. */
  stderrTail: string;
  /** All of stdout, when `collectStdout` was asked for. */
  stdout: string;
}

export interface RunOptions {
  logger: Logger;
  signal?: AbortSignal;
  cwd?: string;
  /** Raw stdout chunks, as they arrive (e.g. decoded samples). */
  onStdout?: (chunk: Buffer) => void;
  /** Stdout split into lines (e.g. -progress reports). */
  onStdoutLine?: (line: string) => void;
  /** Keep stdout (up to `maxStdoutBytes`) and return it (e.g. ffprobe's JSON). */
  collectStdout?: boolean;
  maxStdoutBytes?: number;
  stderrTailBytes?: number;
  /** Kill the process after this long. For calls no job deadline covers, like probing during an upload. */
  timeoutMs?: number;
}

/**
 * util-linux's setpriv, when installed: run under `setpriv --pdeathsig KILL`, a tool gets SIGKILL
 * from the kernel the moment our process dies, even by `kill -9`, so no ffmpeg of a killed worker
 * keeps encoding as an orphan. Without it (not Linux), an abort or timeout still kills the tool,
 * but a killed worker's tools run on until they finish.
 */
const SETPRIV_CANDIDATES = ["/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv"];
export const deathSignalWrapper: string | null =
  process.platform === "linux" ? (SETPRIV_CANDIDATES.find(isExecutableFile) ?? null) : null;

/**
 * What a worker should say at start when its ffmpeg children would outlive it: on Linux,
 * without setpriv, a worker killed mid-transcode (OOM killer, `kill -9`, a crashed container
 * runtime) leaves its encoders running, each holding a core, with nobody to read their output.
 * Elsewhere there is no setpriv to install, so nothing to say.
 */
export function orphanedToolsWarning(platform: NodeJS.Platform = process.platform, wrapper = deathSignalWrapper) {
  if (platform !== "linux" || wrapper) return null;
  return "setpriv not found: ffmpeg will outlive a killed worker: install util-linux (it provides setpriv)";
}

/** The command line that actually starts `command`: under setpriv when we have it. */
export function launchCommand(command: string, args: string[], wrapper = deathSignalWrapper): [string, string[]] {
  return wrapper ? [wrapper, ["--pdeathsig", "KILL", command, ...args]] : [command, args];
}

/** setpriv would start and then fail to exec a missing binary (exit 127): find that out first, as spawn would. */
function cannotExecute(command: string): Error | null {
  if (!deathSignalWrapper || !command.includes("/")) return null;
  try {
    accessSync(command, constants.X_OK);
    return null;
  } catch (error) {
    return error as Error;
  }
}

/** Why an aborted run rejects: the signal's own reason, as AbortSignal users expect. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/**
 * Runs a binary with an argument array (no shell), keeping only the tail of stderr. Resolves
 * whatever the exit code; rejects if it cannot start, or on abort, in which case the process
 * gets SIGKILL (ffmpeg finishing its current packet is of no use to us) and the promise settles
 * only once it has gone, so a caller can clean up its files safely.
 */
export function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  const { signal, logger } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const started = Date.now();
  const tool = path.basename(command);
  logger.debug({ tool, args }, "media: starting %s", tool);
  return new Promise((resolve, reject) => {
    const wantsStdout = Boolean(options.onStdout || options.onStdoutLine || options.collectStdout);
    const unstartable = cannotExecute(command);
    if (unstartable) {
      reject(
        new MediaProcessingError(`${tool} could not be started`, {
          stderrTail: unstartable.message,
          cause: unstartable,
        }),
      );
      return;
    }
    const [launched, launchArgs] = launchCommand(command, args);
    const child = spawn(launched, launchArgs, {
      cwd: options.cwd,
      stdio: ["ignore", wantsStdout ? "pipe" : "ignore", "pipe"],
      windowsHide: true,
    });
    const stderr = new TailBuffer(options.stderrTailBytes ?? 4096);
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let overflowed = false;
    let startError: Error | null = null;

    const kill = () => child.kill("SIGKILL");
    signal?.addEventListener("abort", kill, { once: true });
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            kill();
          }, options.timeoutMs);

    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    if (child.stdout) {
      if (options.onStdoutLine) {
        const onLine = options.onStdoutLine;
        createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on("line", onLine);
      }
      child.stdout.on("data", (chunk: Buffer) => {
        options.onStdout?.(chunk);
        if (!options.collectStdout) return;
        stdoutBytes += chunk.length;
        if (stdoutBytes > (options.maxStdoutBytes ?? 16 * 1024 * 1024)) {
          overflowed = true;
          kill();
        } else stdoutChunks.push(chunk);
      });
    }
    child.on("error", (error) => {
      startError = error;
    });
    child.on("close", (exitCode, exitSignal) => {
      signal?.removeEventListener("abort", kill);
      clearTimeout(timer);
      const elapsedMs = Date.now() - started;
      logger.debug({ tool, exitCode, signal: exitSignal, elapsedMs }, "media: %s finished", tool);
      if (signal?.aborted) return reject(abortReason(signal));
      if (startError) {
        return reject(
          new MediaProcessingError(`${tool} could not be started`, {
            stderrTail: startError.message,
            cause: startError,
          }),
        );
      }
      if (timedOut) {
        const seconds = Math.round((options.timeoutMs ?? 0) / 1000);
        return reject(
          new MediaProcessingError(`Reading the file took longer than ${seconds} seconds`, {
            stderrTail: stderr.toString(),
          }),
        );
      }
      if (overflowed) return reject(new MediaProcessingError(`${tool} printed more output than expected`));
      resolve({
        exitCode,
        signal: exitSignal,
        stderrTail: stderr.toString(),
        stdout: Buffer.concat(stdoutChunks).toString("utf8"),
      });
    });
  });
}

/** Runs ffmpeg/ffprobe and turns an unsuccessful exit into a MediaProcessingError with a human reason. */
export async function runOrFail(command: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  const result = await runProcess(command, args, options);
  if (result.exitCode !== 0) throw processFailure(result);
  return result;
}

export function processFailure(result: ProcessResult): MediaProcessingError {
  return new MediaProcessingError(
    describeFfmpegFailure(result.stderrTail, { code: result.exitCode, signal: result.signal }),
    { stderrTail: result.stderrTail, exitCode: result.exitCode },
  );
}
