import { useEffect } from "react";
import { useUploadQueue } from "../hooks/useUploadQueue.ts";
import { UploadDropZone } from "./UploadDropZone.tsx";
import { UploadItemCard } from "./UploadItemCard.tsx";

/** Several files at once: each gets its artwork and details, then uploads and processes side by side. */
export function TrackUploader() {
  const queue = useUploadQueue();
  useNoDropNavigation();
  const waiting = queue.items.filter((item) => item.phase === "selected");

  return (
    <div className="uploader">
      <UploadDropZone onFiles={queue.add} />
      {queue.items.length > 0 ? (
        <>
          <div className="uploader__toolbar">
            <p>
              {queue.items.length === 1 ? "1 file" : `${queue.items.length} files`}
              {waiting.length > 0 ? `, ${waiting.length} not sent yet` : ""}
            </p>
            <button
              type="button"
              className="button"
              disabled={waiting.length === 0}
              onClick={() => {
                for (const item of waiting) queue.send(item);
              }}
            >
              Upload all
            </button>
          </div>
          <ul className="upload-list" aria-label="Uploads">
            {queue.items.map((item) => (
              <UploadItemCard key={item.key} item={item} queue={queue} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * A file dropped just beside the drop zone would make the browser open it in place of
 * the page, losing every upload in progress: refuse drops anywhere else.
 */
function useNoDropNavigation() {
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    window.addEventListener("dragover", refuse);
    window.addEventListener("drop", refuse);
    return () => {
      window.removeEventListener("dragover", refuse);
      window.removeEventListener("drop", refuse);
    };
  }, []);
}
