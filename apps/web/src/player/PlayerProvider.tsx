import { type ReactNode, useMemo, useRef, useState } from "react";
import { type AttachStream, attachHlsStream } from "./hlsSource.ts";
import type { PlayerApi } from "./playerApi.ts";
import { PlayerContext } from "./playerContext.ts";
import { createPlayerControls } from "./playerControls.ts";
import { PlayerStore } from "./playerState.ts";
import { usePlaybackEngine } from "./usePlaybackEngine.ts";
import { PROGRESS_REPORT_MS, usePlayReporting } from "./usePlayReporting.ts";

type PlayerProviderProps = {
  children: ReactNode;
  /** The server calls the player makes (app/playerApi.ts); one object for the app's lifetime. */
  api: PlayerApi;
  /** How a stream reaches the <audio> element; hls.js by default, a stand-in in stories and tests. */
  attachStream?: AttachStream;
  /** How often a playing track's progress is reported to the server (tests shorten it). */
  progressReportMs?: number;
};

/**
 * The one player of the app, with its <audio> element. AppLayout mounts it around the
 * routed pages, so the music keeps playing while the person navigates.
 */
export function PlayerProvider({
  children,
  api,
  attachStream = attachHlsStream,
  progressReportMs = PROGRESS_REPORT_MS,
}: PlayerProviderProps) {
  const [store] = useState(() => new PlayerStore());
  const audioRef = useRef<HTMLAudioElement>(null);
  const value = useMemo(() => ({ store, controls: createPlayerControls(store, audioRef) }), [store]);
  usePlaybackEngine(store, audioRef, attachStream, api.fetchStreamUrl);
  usePlayReporting(store, audioRef, api, progressReportMs);

  return (
    <PlayerContext value={value}>
      {children}
      {/* No controls attribute: the player bar is its interface. */}
      {/* biome-ignore lint/a11y/useMediaCaption: music streams carry no caption track */}
      <audio ref={audioRef} preload="none" data-testid="player-audio" />
    </PlayerContext>
  );
}
