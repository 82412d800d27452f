import { describe, expect, it } from "vitest";
import { masterPlaylist, parseMediaPlaylist, renditionBandwidth } from "./playlist.ts";

const mediaPlaylist = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:6
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-MAP:URI="init.mp4"
#EXTINF:6.013968,
segment_00000.m4s
#EXTINF:5.990748,
segment_00001.m4s
#EXTINF:0.5,
segment_00002.m4s
#EXT-X-ENDLIST
`;

describe("HLS playlists", () => {
  it("reads a media playlist's init segment, segments and end", () => {
    expect(parseMediaPlaylist(mediaPlaylist)).toEqual({
      ended: true,
      initUri: "init.mp4",
      segments: [
        { uri: "segment_00000.m4s", seconds: 6.013968 },
        { uri: "segment_00001.m4s", seconds: 5.990748 },
        { uri: "segment_00002.m4s", seconds: 0.5 },
      ],
    });
    expect(parseMediaPlaylist(mediaPlaylist.replace("#EXT-X-ENDLIST\n", "")).ended).toBe(false);
  });

  it("declares a peak of at least the nominal rate plus 10%, or the measured peak of full segments if higher", () => {
    const quiet = [
      { bytes: 96_000, seconds: 6 },
      { bytes: 90_000, seconds: 6 },
    ];
    expect(renditionBandwidth(quiet, 128_000)).toEqual({ bandwidth: 140_800, averageBandwidth: 124_000 });
    const loud = [
      { bytes: 120_000, seconds: 6 },
      { bytes: 96_000, seconds: 6 },
      { bytes: 20_000, seconds: 0.2 }, // a short tail segment: not a peak
    ];
    expect(renditionBandwidth(loud, 128_000)).toEqual({ bandwidth: 160_000, averageBandwidth: 154_755 });
    expect(renditionBandwidth([], 64_000)).toEqual({ bandwidth: 70_400, averageBandwidth: 64_000 });
  });

  it("writes a master playlist with one stream per rendition", () => {
    const text = masterPlaylist([
      { playlist: "64k/playlist.m3u8", bandwidth: 70_400, averageBandwidth: 66_000, codecs: "mp4a.40.2" },
      { playlist: "128k/playlist.m3u8", bandwidth: 140_800, averageBandwidth: 131_000, codecs: "mp4a.40.2" },
    ]);
    expect(text).toBe(
      [
        "#EXTM3U",
        "#EXT-X-VERSION:7",
        "#EXT-X-INDEPENDENT-SEGMENTS",
        '#EXT-X-STREAM-INF:BANDWIDTH=70400,AVERAGE-BANDWIDTH=66000,CODECS="mp4a.40.2"',
        "64k/playlist.m3u8",
        '#EXT-X-STREAM-INF:BANDWIDTH=140800,AVERAGE-BANDWIDTH=131000,CODECS="mp4a.40.2"',
        "128k/playlist.m3u8",
        "",
      ].join("\n"),
    );
  });
});
