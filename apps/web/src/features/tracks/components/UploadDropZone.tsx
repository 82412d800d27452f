import { type DragEvent, useId, useState } from "react";
import { AUDIO_ACCEPT, AUDIO_FORMATS } from "../uploadErrors.ts";

/** Where files come in: dropped on the zone, or chosen with the (keyboard-friendly) file picker. */
export function UploadDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const hintId = `${inputId}-hint`;

  const over = (event: DragEvent) => {
    event.preventDefault();
    setDragging(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  };

  return (
    // Dropping is a pointer shortcut; the file input below is the keyboard's way in.
    // biome-ignore lint/a11y/noStaticElementInteractions: drag-and-drop target, with an accessible alternative inside
    <div
      className={dragging ? "drop-zone drop-zone--active" : "drop-zone"}
      data-testid="upload-dropzone"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <p className="drop-zone__title">Drag and drop audio files here</p>
      <p className="drop-zone__or">or</p>
      <input
        id={inputId}
        type="file"
        multiple
        accept={AUDIO_ACCEPT}
        className="visually-hidden"
        data-testid="upload-file-input"
        aria-describedby={hintId}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so choosing the same file again still counts as a change.
          event.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor={inputId} className="button">
        Choose audio files
      </label>
      <p id={hintId} className="field__hint">
        {AUDIO_FORMATS}. Several at once is fine.
      </p>
    </div>
  );
}
