import type { TrackSummary } from "@stave/contracts";
import { type DragEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDurationMs } from "../../../lib/time.ts";
import { PlayTrackButton } from "../../../player/PlayTrackButton.tsx";
import { dropIndex } from "../playlistOrder.ts";

type Direction = "up" | "down";

type PlaylistTrackListProps = {
  tracks: readonly TrackSummary[];
  /** Names the list, e.g. "Tracks of Late Night Mix". */
  label: string;
  /** The owner's tools: drag and drop, move up/down (also Alt+Arrow keys), remove. */
  editable: boolean;
  /** Moves the track to `target(from)`, given its place in the latest order. */
  onMove: (trackId: string, target: (from: number) => number) => void;
  onRemove: (track: TrackSummary) => void;
  /** The track being removed, whose Remove button waits. */
  removingId?: string | undefined;
};

type DropTarget = { index: number; before: boolean };

/**
 * A playlist's tracks in play order; playing one queues the playlist from there. For its
 * owner each row can be dragged to a new place, or moved with its Move up/down buttons
 * or Alt+Arrow Up/Down from anywhere in the row; focus follows the moved track.
 */
export function PlaylistTrackList({ tracks, label, editable, onMove, onRemove, removingId }: PlaylistTrackListProps) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const hintId = useId();
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  // Set by a keyboard move, taken once the list has re-rendered in the new order.
  const pendingFocus = useRef<{ trackId: string; direction: Direction } | null>(null);

  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const index = tracks.findIndex((track) => track.id === pending.trackId);
    if (index < 0) return;
    pendingFocus.current = null;
    // At an end the button in the direction moved is disabled: take its twin instead.
    const atEnd = pending.direction === "up" ? index === 0 : index === tracks.length - 1;
    const direction = atEnd ? (pending.direction === "up" ? "down" : "up") : pending.direction;
    moveButtons.current.get(`${pending.trackId}:${direction}`)?.focus();
  }, [tracks]);

  /** One place up or down, by keyboard or the Move buttons; focus follows the track. */
  function step(index: number, direction: Direction) {
    const track = tracks[index];
    const to = direction === "up" ? index - 1 : index + 1;
    if (!track || to < 0 || to >= tracks.length) return;
    pendingFocus.current = { trackId: track.id, direction };
    setAnnouncement(`Moved “${track.title}” to position ${to + 1} of ${tracks.length}.`);
    onMove(track.id, (from) => (direction === "up" ? from - 1 : from + 1));
  }

  function onRowKeyDown(event: KeyboardEvent, index: number) {
    if (!editable || !event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    step(index, event.key === "ArrowUp" ? "up" : "down");
  }

  function onDragStart(event: DragEvent<HTMLLIElement>, index: number) {
    const track = tracks[index];
    if (!track) return;
    setDragFrom(index);
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", track.title);
      event.dataTransfer.setDragImage?.(event.currentTarget, 24, 24);
    }
  }

  function onDragOver(event: DragEvent<HTMLLIElement>, index: number) {
    if (dragFrom === null) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "move";
    const rect = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < rect.top + rect.height / 2;
    if (dropTarget?.index !== index || dropTarget.before !== before) setDropTarget({ index, before });
  }

  function onDrop(event: DragEvent<HTMLLIElement>, index: number) {
    if (dragFrom === null) return;
    event.preventDefault();
    const rect = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < rect.top + rect.height / 2;
    const track = tracks[dragFrom];
    const to = dropIndex(dragFrom, index, before);
    endDrag();
    if (!track || to === dragFrom) return;
    setAnnouncement(`Moved “${track.title}” to position ${to + 1} of ${tracks.length}.`);
    onMove(track.id, (from) => dropIndex(from, index, before));
  }

  function endDrag() {
    setDragFrom(null);
    setDropTarget(null);
  }

  const setMoveButton = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) moveButtons.current.set(key, element);
    else moveButtons.current.delete(key);
  };

  return (
    <>
      {editable ? (
        <p className="playlist-tracks__hint" id={hintId}>
          Drag tracks to reorder them, or use Move up and Move down (Alt+Arrow Up and Alt+Arrow Down).
        </p>
      ) : null}
      <ol className="track-list playlist-tracks" aria-label={label}>
        {tracks.map((track, index) => {
          const dropClass =
            dropTarget?.index === index ? ` playlist-track--drop-${dropTarget.before ? "before" : "after"}` : "";
          const draggingClass = dragFrom === index ? " playlist-track--dragging" : "";
          return (
            <li
              key={track.id}
              className={`track-list__item playlist-track${dropClass}${draggingClass}`}
              draggable={editable}
              onDragStart={editable ? (event) => onDragStart(event, index) : undefined}
              onDragOver={editable ? (event) => onDragOver(event, index) : undefined}
              onDrop={editable ? (event) => onDrop(event, index) : undefined}
              onDragEnd={editable ? endDrag : undefined}
              onKeyDown={editable ? (event) => onRowKeyDown(event, index) : undefined}
            >
              {editable ? (
                <span className="playlist-track__handle" aria-hidden="true" title="Drag to reorder">
                  ⠿
                </span>
              ) : null}
              <span className="playlist-track__position">{index + 1}</span>
              <PlayTrackButton tracks={tracks} index={index} />
              <TrackArtwork artworkUrl={track.artworkUrl} />
              <div className="track-list__main">
                <Link to={`/tracks/${track.id}`} className="track-list__title" draggable={false}>
                  {track.title}
                </Link>
                <Link to={`/creators/${track.owner.username}`} className="track-list__creator" draggable={false}>
                  {creatorName(track.owner)}
                </Link>
              </div>
              <span className="track-list__meta track-list__duration">{formatDurationMs(track.durationMs)}</span>
              {editable ? (
                <div className="playlist-track__tools">
                  <button
                    ref={setMoveButton(`${track.id}:up`)}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${track.title} up`}
                    aria-describedby={hintId}
                    disabled={index === 0}
                    onClick={() => step(index, "up")}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    ref={setMoveButton(`${track.id}:down`)}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${track.title} down`}
                    aria-describedby={hintId}
                    disabled={index === tracks.length - 1}
                    onClick={() => step(index, "down")}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={`Remove ${track.title} from the playlist`}
                    disabled={removingId === track.id}
                    onClick={() => onRemove(track)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
