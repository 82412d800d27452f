import type { TrackSummary } from "@stave/contracts";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useMe } from "../../auth/index.ts";
import { useAddPlaylistTrack } from "../hooks/usePlaylistMutations.ts";
import { allPlaylists, useMyPlaylists } from "../hooks/usePlaylistQueries.ts";
import { isErrorCode, playlistErrorMessage } from "../playlistText.ts";
import { NewPlaylistDialog } from "./PlaylistDialogs.tsx";

type AddToPlaylistMenuProps = {
  track: Pick<TrackSummary, "id" | "title">;
  /** "button" shows its words (a track's page); "icon" is a compact "+" for list rows. */
  variant?: "button" | "icon";
};

/**
 * "Add to playlist" for a signed-in listener: a menu of their playlists plus
 * "New playlist…" (which creates one and adds the track to it). Nothing when signed out.
 */
export function AddToPlaylistMenu(props: AddToPlaylistMenuProps) {
  const me = useMe().data;
  if (!me) return null;
  return <PlaylistMenu {...props} />;
}

const menuItems = (menu: HTMLElement | null) => [
  ...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []),
];

function PlaylistMenu({ track, variant = "button" }: AddToPlaylistMenuProps) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState("");
  const menuId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const playlists = useMyPlaylists({ enabled: open });
  const add = useAddPlaylistTrack();
  const loading = open && playlists.isPending;

  function close({ returnFocus }: { returnFocus: boolean }) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  // Once the playlists are there, the menu takes focus on its first item, as a menu does.
  useEffect(() => {
    if (open && !loading) menuItems(menuRef.current)[0]?.focus();
  }, [open, loading]);

  // A click anywhere else closes it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function addTo(playlist: { id: string; title: string }) {
    setMessage(`Adding to “${playlist.title}”…`);
    add.mutate(
      { playlistId: playlist.id, trackId: track.id },
      {
        onSuccess: () => {
          setMessage(`Added to “${playlist.title}”.`);
          close({ returnFocus: true });
        },
        // The menu stays open, so another playlist can be picked.
        onError: (error) =>
          setMessage(
            isErrorCode(error, "TRACK_ALREADY_IN_PLAYLIST")
              ? "Already in this playlist."
              : `Not added to “${playlist.title}”. ${playlistErrorMessage(error)}`,
          ),
      },
    );
  }

  function startNewPlaylist() {
    // Focus goes back to the button when the dialog closes: it must be there when it opens.
    buttonRef.current?.focus();
    setOpen(false);
    setCreating(true);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems(menuRef.current);
    const current = items.indexOf(document.activeElement as HTMLElement);
    const target = {
      ArrowDown: (current + 1) % items.length,
      ArrowUp: (current - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items[target]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close({ returnFocus: true });
    } else if (event.key === "Tab") {
      close({ returnFocus: false });
    }
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" && !open) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close({ returnFocus: true });
    }
  }

  const items = allPlaylists(playlists.data);
  const label = `Add ${track.title} to a playlist`;
  return (
    <div ref={containerRef} className={`add-to-playlist add-to-playlist--${variant}`}>
      <button
        ref={buttonRef}
        type="button"
        className={variant === "icon" ? "icon-button add-to-playlist__icon" : "button button--secondary"}
        aria-label={variant === "icon" ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={onButtonKeyDown}
      >
        {variant === "icon" ? <span aria-hidden="true">+</span> : "Add to playlist"}
      </button>
      <span role="status" className="add-to-playlist__status">
        {message}
      </span>
      {open ? (
        <div className="add-to-playlist__popover">
          {loading ? <p className="add-to-playlist__note">Loading your playlists…</p> : null}
          {playlists.isError ? (
            <p role="alert" className="add-to-playlist__note">
              Your playlists didn't load. {playlistErrorMessage(playlists.error)}
            </p>
          ) : null}
          {loading ? null : (
            <div ref={menuRef} id={menuId} role="menu" aria-label={label} onKeyDown={onMenuKeyDown}>
              {items.map((playlist) => (
                <button
                  key={playlist.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="add-to-playlist__item"
                  aria-disabled={add.isPending || undefined}
                  onClick={() => {
                    if (!add.isPending) addTo(playlist);
                  }}
                >
                  {playlist.title}
                </button>
              ))}
              {playlists.hasNextPage ? (
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="add-to-playlist__item add-to-playlist__item--more"
                  onClick={() => void playlists.fetchNextPage()}
                >
                  {playlists.isFetchingNextPage ? "Loading…" : "More playlists…"}
                </button>
              ) : null}
              {items.length > 0 || playlists.hasNextPage ? <hr className="add-to-playlist__separator" /> : null}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="add-to-playlist__item add-to-playlist__item--new"
                onClick={startNewPlaylist}
              >
                New playlist…
              </button>
            </div>
          )}
        </div>
      ) : null}
      {creating ? (
        <NewPlaylistDialog onClose={() => setCreating(false)} onCreated={(playlist) => addTo(playlist)} />
      ) : null}
    </div>
  );
}
