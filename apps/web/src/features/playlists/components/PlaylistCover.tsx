type PlaylistCoverProps = {
  artworkUrls: readonly string[];
  /** Names the cover, e.g. "Cover of Late Night Mix"; leave empty where the title is next to it. */
  label?: string;
  size?: "small" | "medium" | "large";
};

/**
 * The playlist's cover from its first tracks' artwork: a 2×2 mosaic with four, the first
 * one alone with fewer, a plain tile with none.
 */
export function PlaylistCover({ artworkUrls, label, size = "medium" }: PlaylistCoverProps) {
  const tiles = artworkUrls.length >= 4 ? artworkUrls.slice(0, 4) : artworkUrls.slice(0, 1);
  const kind = tiles.length === 4 ? "mosaic" : tiles.length === 1 ? "single" : "none";
  const naming = label ? { role: "img", "aria-label": label } : { "aria-hidden": true };
  return (
    <div className={`playlist-cover playlist-cover--${size} playlist-cover--${kind}`} data-cover={kind} {...naming}>
      {tiles.map((url) => (
        <img key={url} src={url} alt="" loading="lazy" />
      ))}
    </div>
  );
}
