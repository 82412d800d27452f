import type { CreatePlaylistRequest } from "@stave/contracts";
import type { FormEvent } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { VisibilityField } from "../../../components/VisibilityField.tsx";
import { useForm } from "../../../lib/forms.ts";
import { type PlaylistDraft, playlistDraftFields, requestFromDraft } from "../playlistDraft.ts";
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
  const form = useForm({ fields: playlistDraftFields, initialValues: initial, submitError: error });
  const { values, errors, setValue: change } = form;

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = form.validated(requestFromDraft(values));
    if (request) onSubmit(request);
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
      <VisibilityField
        value={values.visibility}
        onChange={(visibility) => change("visibility", visibility)}
        hints={playlistVisibilityHints}
        disabled={pending}
      />
      {form.failedOutsideFields ? (
        <ErrorAlert>
          {failureLabel} {playlistErrorMessage(error)}
        </ErrorAlert>
      ) : null}
      <FormActions submitLabel={submitLabel} pendingLabel={pendingLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
