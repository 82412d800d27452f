type TrackArtworkProps = {
  artworkUrl: string | null;
  /** Empty when the title is next to it anyway. */
  alt?: string;
  size?: "small" | "large";
};

/** The track's cover, or a plain tile in its place. */
export function TrackArtwork({ artworkUrl, alt = "", size = "small" }: TrackArtworkProps) {
  const className = `track-artwork track-artwork--${size}`;
  if (!artworkUrl) return <div className={`${className} track-artwork--none`} aria-hidden="true" />;
  return <img className={className} src={artworkUrl} alt={alt} loading="lazy" />;
}
