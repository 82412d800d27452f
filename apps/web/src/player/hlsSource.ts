/** A stream attached to the audio element; `destroy` detaches it and frees its buffers. */
export type StreamHandle = { destroy: () => void };

export type StreamCallbacks = {
  /** Playback broke for good after it started (network gone, media undecodable). */
  onFatalError: (message: string) => void;
};

/** Attaches the HLS master playlist at `url` to `audio`; resolves once it can play. */
export type AttachStream = (audio: HTMLAudioElement, url: string, callbacks: StreamCallbacks) => Promise<StreamHandle>;

const HLS_MIME = "application/vnd.apple.mpegurl";

/**
 * The only code that knows about hls.js (its light build, loaded on first play, so it
 * stays out of the main bundle). hls.js where Media Source Extensions exist; the browser's own HLS
 * (Safari on iOS) otherwise. Tests substitute this module: jsdom plays nothing.
 */
export const attachHlsStream: AttachStream = async (audio, url, { onFatalError }) => {
  const { default: Hls } = await import("hls.js/light");
  if (Hls.isSupported()) {
    const hls = new Hls();
    let started = false;
    let recoveredMediaError = false;
    await new Promise<void>((resolve, reject) => {
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        started = true;
        resolve();
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        // A decode hiccup is often survivable once; anything else ends this stream.
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMediaError) {
          recoveredMediaError = true;
          hls.recoverMediaError();
          return;
        }
        hls.destroy();
        const message = describeHlsError(data.type, data.details);
        if (started) onFatalError(message);
        else reject(new Error(message));
      });
      hls.attachMedia(audio);
      hls.loadSource(url);
    });
    return { destroy: () => hls.destroy() };
  }
  if (audio.canPlayType(HLS_MIME)) {
    audio.src = url;
    return {
      destroy: () => {
        audio.removeAttribute("src");
        audio.load();
      },
    };
  }
  throw new Error("This browser can't play streamed audio (HLS).");
};

function describeHlsError(type: string, details: string): string {
  if (type === "networkError") return `The stream could not be loaded (${details}).`;
  if (type === "mediaError") return `The audio could not be decoded (${details}).`;
  return `Playback failed (${details}).`;
}
