import { type CreatePlaylistRequest, visibilities } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors } from "../../../lib/forms.ts";
import { visibilityLabels } from "../../tracks/trackText.ts";
import {
  type PlaylistDraft,
  type PlaylistDraftField,
  playlistDraftFields,
  requestFromDraft,
} from "../playlistDraft.ts";
import { playlistErrorMessage, playlistVisibilityHints } from "../playlistText.ts";

type PlaylistFormProps = {
  initial: PlaylistDraft;
  /** E.g. "Create playlist", "Save changes". */
  submitLabel: string;
  pendingLabel: string;
  /** What failed, in a sentence that the server's reason follows: "The playlist wasn't created." */
  failureLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (request: CreatePlaylistRequest) => void;
  onCancel: () => void;
};

/** Title, description and visibility, checked against the contract before anything is sent. */
export function PlaylistForm(props: PlaylistFormProps) {
  const { initial, submitLabel, pendingLabel, failureLabel, pending, error, onSubmit, onCancel } = props;
  const id = useId();
  const [values, setValues] = useState<PlaylistDraft>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors<PlaylistDraftField>>({});
  const serverErrors = fieldErrorsFromApi(error, playlistDraftFields);
  const errors = { ...serverErrors, ...clientErrors };
  const change = <K extends PlaylistDraftField>(field: K, value: PlaylistDraft[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = requestFromDraft(values);
    setClientErrors(checked.ok ? {} : checked.fieldErrors);
    if (checked.ok) onSubmit(checked.data);
  }

  return (
    <form className="form playlist-form" onSubmit={submit} noValidate>
      <Field
        label="Title"
        name="title"
        required
        maxLength={200}
        value={values.title}
        onChange={(value) => change("title", value)}
        error={errors.title}
        disabled={pending}
      />
      <Field
        label="Description"
        name="description"
        multiline
        maxLength={5000}
        value={values.description}
        onChange={(value) => change("description", value)}
        error={errors.description}
        disabled={pending}
      />
      <div className="field">
        <label htmlFor={`${id}-visibility`} className="field__label">
          Visibility
        </label>
        <p id={`${id}-visibility-hint`} className="field__hint">
          {playlistVisibilityHints[values.visibility]}
        </p>
        <select
          id={`${id}-visibility`}
          name="visibility"
          value={values.visibility}
          aria-describedby={`${id}-visibility-hint`}
          disabled={pending}
          onChange={(event) => change("visibility", event.target.value as PlaylistDraft["visibility"])}
        >
          {visibilities.map((visibility) => (
            <option key={visibility} value={visibility}>
              {visibilityLabels[visibility]}
            </option>
          ))}
        </select>
      </div>
      {error && !hasFieldErrors(serverErrors) ? (
        <ErrorAlert>
          {failureLabel} {playlistErrorMessage(error)}
        </ErrorAlert>
      ) : null}
      <FormActions submitLabel={submitLabel} pendingLabel={pendingLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
