import { Field } from "../../../components/Field.tsx";
import { VisibilityField } from "../../../components/VisibilityField.tsx";
import type { FieldErrors } from "../../../lib/forms.ts";
import type { DraftField, TrackDraft } from "../trackDraft.ts";
import { trackVisibilityHints } from "../trackText.ts";

type TrackFieldsProps = {
  values: TrackDraft;
  onChange: <K extends DraftField>(field: K, value: TrackDraft[K]) => void;
  errors?: FieldErrors<DraftField>;
  disabled?: boolean;
  /** Before the upload the title may stay empty: the server reads it from the file. */
  titleFromFile?: boolean;
};

/** The editable details of a track, shared by the uploader and the edit forms. */
export function TrackFields({ values, onChange, errors = {}, disabled, titleFromFile }: TrackFieldsProps) {
  const fromFile = titleFromFile ? "Leave empty to use the one in the file's tags." : undefined;

  return (
    <div className="track-fields">
      <Field
        label="Title"
        name="title"
        required={!titleFromFile}
        maxLength={200}
        hint={fromFile}
        value={values.title}
        onChange={(value) => onChange("title", value)}
        error={errors.title}
        disabled={disabled}
      />
      <Field
        label="Genre"
        name="genre"
        required={false}
        maxLength={60}
        hint={fromFile}
        value={values.genre}
        onChange={(value) => onChange("genre", value)}
        error={errors.genre}
        disabled={disabled}
      />
      <Field
        label="Description"
        name="description"
        multiline
        required={false}
        maxLength={5000}
        value={values.description}
        onChange={(value) => onChange("description", value)}
        error={errors.description}
        disabled={disabled}
      />
      <Field
        label="Tags"
        name="tags"
        required={false}
        hint="Separate tags with commas, up to 20."
        value={values.tags}
        onChange={(value) => onChange("tags", value)}
        error={errors.tags}
        disabled={disabled}
      />
      <Field
        label="License"
        name="license"
        required={false}
        maxLength={100}
        hint="For example “All rights reserved” or “CC BY 4.0”."
        value={values.license}
        onChange={(value) => onChange("license", value)}
        error={errors.license}
        disabled={disabled}
      />
      <VisibilityField
        value={values.visibility}
        onChange={(visibility) => onChange("visibility", visibility)}
        hints={trackVisibilityHints}
        disabled={disabled}
      />
      <label className="checkbox-field">
        <input
          type="checkbox"
          name="downloadable"
          checked={values.downloadable}
          disabled={disabled}
          onChange={(event) => onChange("downloadable", event.target.checked)}
        />
        Allow listeners to download the original file
      </label>
    </div>
  );
}
