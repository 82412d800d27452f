import { useId } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { fieldErrorsFromApi } from "../../../lib/forms.ts";
import { formatBytes } from "../../../lib/time.ts";
import type { UploadItem, UploadQueue } from "../hooks/useUploadQueue.ts";
import { isLargeUpload } from "../services/uploadTrack.ts";
import { draftFields } from "../trackDraft.ts";
import { needsCreatorRole, uploadErrorMessage } from "../uploadErrors.ts";
import { ArtworkPicker } from "./ArtworkPicker.tsx";
import { ProcessingStatus } from "./ProcessingStatus.tsx";
import { TrackDetailsForm } from "./TrackDetailsForm.tsx";
import { TrackFields } from "./TrackFields.tsx";

type UploadItemCardProps = { item: UploadItem; queue: UploadQueue };

/** One file in the uploader: its artwork and details, and where its upload and processing are. */
export function UploadItemCard({ item, queue }: UploadItemCardProps) {
  const titleId = useId();
  const name = item.file.name;
  const editable = item.phase !== "uploading" && item.phase !== "answered";
  const fieldErrors = { ...fieldErrorsFromApi(item.error, draftFields), ...item.fieldErrors };
  // Large files go up resumably, but artwork only travels with the one-piece upload.
  const artworkKeepsOnePiece = item.artwork !== null && isLargeUpload(item.file) && item.phase !== "answered";

  return (
    <li className="upload-item" aria-labelledby={titleId}>
      <div className="upload-item__header">
        <h2 id={titleId} className="upload-item__name">
          {name}
        </h2>
        <span className="upload-item__size">{formatBytes(item.file.size)}</span>
      </div>
      <UploadPhase item={item} queue={queue} />
      {artworkKeepsOnePiece ? (
        <p className="upload-item__hint">
          With artwork, this large file goes up in one piece, so it can't resume if the connection drops.
        </p>
      ) : null}
      <div className="upload-item__body">
        {item.track && !item.artwork ? (
          <TrackArtwork artworkUrl={item.track.artworkUrl} size="large" alt={`Artwork of ${item.track.title}`} />
        ) : (
          <ArtworkPicker
            file={item.artwork}
            forName={name}
            disabled={!editable}
            onChange={(artwork) => queue.setArtwork(item.key, artwork)}
          />
        )}
        {item.phase === "answered" && item.track ? (
          <TrackDetailsForm
            key={item.track.id}
            track={item.track}
            label={`Details of ${name}`}
            onSaved={(track) => queue.answered(item.key, track)}
          />
        ) : (
          <fieldset className="form upload-item__fields">
            <legend className="visually-hidden">Details of {name}</legend>
            <TrackFields
              values={item.draft}
              onChange={(field, value) => queue.setDraft(item.key, { ...item.draft, [field]: value })}
              errors={fieldErrors}
              disabled={!editable}
              titleFromFile
            />
          </fieldset>
        )}
      </div>
    </li>
  );
}

/** The status line and the actions that fit the item's phase. */
function UploadPhase({ item, queue }: UploadItemCardProps) {
  const name = item.file.name;
  const percent = Math.round(item.sent * 100);
  const remove = (
    <button
      type="button"
      className="button button--secondary"
      aria-label={`Remove ${name}`}
      onClick={() => queue.remove(item.key)}
    >
      Remove
    </button>
  );
  const send = (label: string) => (
    <button type="button" className="button" aria-label={`${label} ${name}`} onClick={() => queue.send(item)}>
      {label}
    </button>
  );

  switch (item.phase) {
    case "selected":
      return (
        <div className="upload-status">
          <p>Not sent yet: add artwork and details if you like, then upload.</p>
          <div className="form__actions">
            {send("Upload")}
            {remove}
          </div>
        </div>
      );
    case "uploading":
      return (
        <div className="upload-status">
          <p role="status">Uploading… {percent}%</p>
          <progress aria-label="Upload progress" max={100} value={percent} />
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              aria-label={`Cancel upload of ${name}`}
              onClick={() => queue.cancel(item.key)}
            >
              Cancel upload
            </button>
          </div>
        </div>
      );
    case "cancelled":
      return (
        <div className="upload-status">
          <p role="status">Upload cancelled.</p>
          <div className="form__actions">
            {send("Upload again")}
            {remove}
          </div>
        </div>
      );
    case "failed":
      return (
        <div className="upload-status">
          <ErrorAlert>
            <p>
              <strong>Upload failed.</strong> {uploadErrorMessage(item.error)}
            </p>
            {needsCreatorRole(item.error) ? (
              <p>
                <Link to="/settings">Become a creator in Settings</Link> to upload.
              </p>
            ) : null}
          </ErrorAlert>
          <div className="form__actions">
            {send("Try again")}
            {remove}
          </div>
        </div>
      );
    case "answered":
      return item.track && item.status ? (
        <ProcessingStatus
          track={item.track}
          status={item.status}
          onStatus={(status) => queue.status(item.key, status)}
          onRetried={(track) => queue.answered(item.key, track)}
        />
      ) : null;
  }
}
