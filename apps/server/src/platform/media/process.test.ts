import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { MediaProcessingError } from "./errors.ts";
import { orphanedToolsWarning, runOrFail, runProcess } from "./process.ts";

const logger = createLogger("silent");

describe("running a media process", () => {
  it("passes arguments as they are, with no shell to interpret them", async () => {
    const tricky = "$(echo injected); `id` | cat & name with spaces";
    const result = await runProcess("/bin/echo", [tricky], { logger, collectStdout: true });
    expect(result).toMatchObject({ exitCode: 0, stdout: `${tricky}\n` });
  });

  it("keeps only the tail of stderr and splits stdout into lines", async () => {
    const lines: string[] = [];
    const script = "for i in $(seq 1 3000); do echo \"noise $i\" >&2; done; printf 'a=1\\nb=2\\n'; exit 3";
    const result = await runProcess("/bin/sh", ["-c", script], { logger, onStdoutLine: (line) => lines.push(line) });
    expect(result.exitCode).toBe(3);
    expect(Buffer.byteLength(result.stderrTail)).toBeLessThanOrEqual(4096);
    expect(result.stderrTail.endsWith("noise 3000\n")).toBe(true);
    expect(lines).toEqual(["a=1", "b=2"]);
  });

  it("turns a failed exit into a MediaProcessingError with a human reason and the details", async () => {
    const failing = runOrFail(
      "/bin/sh",
      ["-c", "echo 'x.flac: Invalid data found when processing input' >&2; exit 1"],
      {
        logger,
      },
    );
    await expect(failing).rejects.toBeInstanceOf(MediaProcessingError);
    await expect(failing).rejects.toMatchObject({
      message: "The audio data is corrupt or truncated",
      exitCode: 1,
      stderrTail: expect.stringContaining("Invalid data found"),
    });
  });

  it("reports a binary that cannot be started", async () => {
    await expect(runProcess("/nonexistent/ffmpeg", [], { logger })).rejects.toThrow("ffmpeg could not be started");
  });

  it("kills the process on abort and rejects with the signal's reason once it is gone", async () => {
    const controller = new AbortController();
    const running = runProcess("/bin/sleep", ["30"], { logger, signal: controller.signal });
    controller.abort(new Error("job cancelled"));
    await expect(running).rejects.toThrow("job cancelled");
  });

  it("kills a process that outlives its timeout", async () => {
    const running = runProcess("/bin/sleep", ["30"], { logger, timeoutMs: 50 });
    await expect(running).rejects.toBeInstanceOf(MediaProcessingError);
    await expect(running).rejects.toThrow(/took longer than/);
  });
});

describe("a worker's warning about ffmpeg outliving it", () => {
  it("tells a Linux worker without setpriv to install util-linux, and says nothing otherwise", () => {
    expect(orphanedToolsWarning("linux", null)).toMatch(/ffmpeg will outlive a killed worker: install util-linux/);
    expect(orphanedToolsWarning("linux", "/usr/bin/setpriv")).toBeNull();
    expect(orphanedToolsWarning("darwin", null)).toBeNull();
  });
});
