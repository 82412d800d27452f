import { vi } from "vitest";
import type { AttachStream } from "../app/player/hlsSource.ts";

/**
 * Stands in for app/player/hlsSource.ts in tests that render the whole app:
 *
 *   vi.mock("…/app/player/hlsSource.ts", () => import("…/test/fakeHlsSource.ts"));
 *
 * It records the <audio> element and URL it is given and attaches nothing.
 */
export const destroyStream = vi.fn();
export const attachHlsStream = vi.fn<AttachStream>(async () => ({ destroy: destroyStream }));
