import { onTestFinished, vi } from "vitest";
import type { AttachStream } from "../player/hlsSource.ts";

/**
 * jsdom's <audio> cannot play: make play() and pause() behave like a browser's as far as
 * the app can tell (events fired, a promise resolved). Restored by vi.restoreAllMocks().
 */
export function stubMediaPlayback() {
  const play = vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event("play"));
    this.dispatchEvent(new Event("playing"));
    return Promise.resolve();
  });
  const pause = vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event("pause"));
  });
  const load = vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
  return { play, pause, load };
}

/** The player's <audio> element. */
export function playerAudio(): HTMLAudioElement {
  const audio = document.querySelector<HTMLAudioElement>('audio[data-testid="player-audio"]');
  if (!audio) throw new Error("no player <audio> element: is the PlayerProvider mounted?");
  return audio;
}

/** As the browser would: the element's clock moved to `seconds`. */
export function advanceAudioTo(audio: HTMLAudioElement, seconds: number): void {
  audio.currentTime = seconds;
  audio.dispatchEvent(new Event("timeupdate"));
}

/** A stand-in for hls.js: records what it was asked to attach and attaches nothing. */
export function createFakeAttachStream() {
  const destroy = vi.fn();
  const attach = vi.fn<AttachStream>(async () => ({ destroy }));
  return { attach, destroy };
}

/** jsdom has no URL.createObjectURL: give it one for this test (image previews), removed when the test ends. */
export function stubObjectUrls(url = "blob:preview"): void {
  const target = URL as unknown as Record<string, unknown>;
  const before = { createObjectURL: target.createObjectURL, revokeObjectURL: target.revokeObjectURL };
  target.createObjectURL = () => url;
  target.revokeObjectURL = () => {};
  onTestFinished(() => {
    target.createObjectURL = before.createObjectURL;
    target.revokeObjectURL = before.revokeObjectURL;
  });
}
