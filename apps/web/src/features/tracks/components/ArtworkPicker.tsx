import { useId, useState } from "react";
import { useObjectUrl } from "../../../lib/useObjectUrl.ts";

const IMAGE_ACCEPT = "image/jpeg,image/png,image/webp";

type ArtworkPickerProps = {
  file: File | null;
  onChange: (file: File | null) => void;
  /** Whose artwork, for the picker's accessible name. */
  forName: string;
  disabled?: boolean;
};

/** Picks the cover image sent with the upload, with a preview. */
export function ArtworkPicker({ file, onChange, forName, disabled }: ArtworkPickerProps) {
  const preview = useObjectUrl(file);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  return (
    <div className="artwork-picker">
      {preview && file ? (
        <img className="artwork-picker__preview" src={preview} alt={`Artwork preview: ${file.name}`} />
      ) : (
        <div className="artwork-picker__preview artwork-picker__preview--empty" aria-hidden="true">
          {file ? file.name : "No artwork"}
        </div>
      )}
      <input
        id={inputId}
        type="file"
        accept={IMAGE_ACCEPT}
        className="visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const chosen = event.target.files?.[0] ?? null;
          event.target.value = "";
          if (!chosen) return;
          if (!chosen.type.startsWith("image/")) {
            setError("Choose a JPEG, PNG or WebP image.");
            return;
          }
          setError(null);
          onChange(chosen);
        }}
      />
      <label htmlFor={inputId} className="button button--secondary" aria-disabled={disabled || undefined}>
        {file ? "Change artwork" : "Choose artwork"}
        <span className="visually-hidden"> for {forName}</span>
      </label>
      {file && !disabled ? (
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          Remove artwork<span className="visually-hidden"> for {forName}</span>
        </button>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
