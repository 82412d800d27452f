import { Field } from "../../../components/Field.tsx";
import { VisibilityField } from "../../../components/VisibilityField.tsx";
import { bindField, type FieldErrors } from "../../../lib/forms.ts";
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

type TextField = "title" | "genre" | "description" | "tags" | "license";

/** The editable details of a track, shared by the uploader and the edit forms. */
export function TrackFields({ values, onChange, errors = {}, disabled, titleFromFile }: TrackFieldsProps) {
  const fromFile = titleFromFile ? "Leave empty to use the one in the file's tags." : undefined;
  const field = <F extends TextField>(name: F) => ({
    ...bindField(values, onChange, errors, name),
    disabled,
  });

  return (
    <div className="track-fields">
      <Field label="Title" required={!titleFromFile} maxLength={200} hint={fromFile} {...field("title")} />
      <Field label="Genre" required={false} maxLength={60} hint={fromFile} {...field("genre")} />
      <Field label="Description" multiline required={false} maxLength={5000} {...field("description")} />
      <Field label="Tags" required={false} hint="Separate tags with commas, up to 20." {...field("tags")} />
      <Field
        label="License"
        required={false}
        maxLength={100}
        hint="For example “All rights reserved” or “CC BY 4.0”."
        {...field("license")}
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
