import { vi } from "vitest";
import type { AttachStream } from "../player/hlsSource.ts";

/**
 * Stands in for player/hlsSource.ts in tests that render the whole app:
 *
 *   vi.mock("…/player/hlsSource.ts", () => import("…/test/fakeHlsSource.ts"));
 *
 * It records the <audio> element and URL it is given and attaches nothing.
 */
export const destroyStream = vi.fn();
export const attachHlsStream = vi.fn<AttachStream>(async () => ({ destroy: destroyStream }));
