import type { Track, TrackSummary } from "@stave/contracts";
import { useState } from "react";
import { TrackDetailsForm } from "./TrackDetailsForm.tsx";

/**
 * The owner's Edit button and, while it is open, the details form it opens: the same pair on
 * the owner's track list and on the track page, each placing the two where it shows them.
 */
export function useTrackEditor(track: Track | TrackSummary) {
  const [editing, setEditing] = useState(false);
  const close = () => setEditing(false);
  return {
    editButton: (
      <button
        type="button"
        className="button button--secondary"
        aria-label={`Edit ${track.title}`}
        aria-expanded={editing}
        onClick={() => setEditing((open) => !open)}
      >
        Edit
      </button>
    ),
    form: editing ? (
      <TrackDetailsForm track={track} label={`Details of ${track.title}`} onSaved={close} onCancel={close} />
    ) : null,
  };
}
