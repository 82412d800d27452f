/**
 * The persistent player at the bottom of every page. A placeholder until the hls.js
 * player lands; it lives outside the routed outlet so playback survives navigation.
 */
export function PlayerBar() {
  return (
    // A page-level <footer> is the contentinfo landmark, which may carry a label; biome
    // checks <footer> as if it were always generic.
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: contentinfo supports aria-label
    <footer className="player-bar" aria-label="Player">
      <div className="player-bar__now-playing">
        <span className="player-bar__title">Nothing playing</span>
      </div>
      <div className="player-bar__controls">
        <button type="button" aria-label="Previous track" disabled>
          <Icon path="M6 5h2v14H6zM20 5v14L9.5 12z" />
        </button>
        <button type="button" className="player-bar__play" aria-label="Play" disabled>
          <Icon path="M8 5v14l11-7z" />
        </button>
        <button type="button" aria-label="Next track" disabled>
          <Icon path="M16 5h2v14h-2zM4 5v14l10.5-7z" />
        </button>
      </div>
    </footer>
  );
}

// Inline SVG rather than media-control characters, which many system fonts lack.
function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor" aria-hidden="true">
      <path d={path} />
    </svg>
  );
}
