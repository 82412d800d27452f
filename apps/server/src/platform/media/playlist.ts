/** HLS playlists: reading the media playlists ffmpeg writes, and writing the master playlist ourselves. */

export interface MediaPlaylist {
  ended: boolean;
  /** The URI of #EXT-X-MAP (the fMP4 init segment), if any. */
  initUri: string | null;
  segments: { uri: string; seconds: number }[];
}

export function parseMediaPlaylist(text: string): MediaPlaylist {
  const playlist: MediaPlaylist = { ended: false, initUri: null, segments: [] };
  let pendingSeconds: number | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    if (line === "#EXT-X-ENDLIST") playlist.ended = true;
    else if (line.startsWith("#EXT-X-MAP:")) playlist.initUri = /URI="([^"]*)"/.exec(line)?.[1] ?? null;
    else if (line.startsWith("#EXTINF:")) pendingSeconds = Number.parseFloat(line.slice("#EXTINF:".length));
    else if (!line.startsWith("#") && pendingSeconds !== null) {
      playlist.segments.push({ uri: line, seconds: pendingSeconds });
      pendingSeconds = null;
    }
  }
  return playlist;
}

/**
 * BANDWIDTH must be at least the peak bit rate of any segment and AVERAGE-BANDWIDTH the mean
 * (RFC 8216 §4.3.4.2). We measure both from what ffmpeg wrote, but never declare a peak below
 * the nominal rate plus 10%, so a player's first guess leaves headroom.
 */
export function renditionBandwidth(
  segments: { bytes: number; seconds: number }[],
  nominalBitrate: number,
): { bandwidth: number; averageBandwidth: number } {
  const measured = segments.filter((segment) => segment.seconds > 0);
  const totalBits = measured.reduce((sum, segment) => sum + segment.bytes * 8, 0);
  const totalSeconds = measured.reduce((sum, segment) => sum + segment.seconds, 0);
  const average = totalSeconds > 0 ? Math.ceil(totalBits / totalSeconds) : nominalBitrate;
  // A closing segment of a fraction of a second is mostly container overhead: it says nothing about the peak.
  const peakOf = measured.length > 1 ? measured.filter((segment) => segment.seconds >= 1) : measured;
  const peak = Math.max(0, ...peakOf.map((segment) => Math.ceil((segment.bytes * 8) / segment.seconds)));
  return { bandwidth: Math.max(Math.round(nominalBitrate * 1.1), peak, average), averageBandwidth: average };
}

export interface MasterPlaylistEntry {
  /** Relative URI of the rendition's media playlist. */
  playlist: string;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
}

/**
 * The master playlist, written by us rather than by ffmpeg (whose audio-only master writing
 * has crashed in old builds, and which cannot know the ladder when each rendition is a process).
 */
export function masterPlaylist(entries: MasterPlaylistEntry[]): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const entry of entries) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${entry.bandwidth},AVERAGE-BANDWIDTH=${entry.averageBandwidth},CODECS="${entry.codecs}"`,
      entry.playlist,
    );
  }
  return `${lines.join("\n")}\n`;
}
