import type { Track, TrackSummary } from "@stave/contracts";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";
import { useUpdateTrack } from "../hooks/useTrackMutations.ts";
import { type DraftField, draftFields, draftFromTrack, type TrackDraft, updateFromDraft } from "../trackDraft.ts";
import { TrackFields } from "./TrackFields.tsx";

type TrackDetailsFormProps = {
  track: TrackSummary;
  /** Names the form for assistive technology, e.g. "Details of night-drive.mp3". */
  label: string;
  onSaved?: (track: Track) => void;
  onCancel?: () => void;
};

/** Edits a track's details and saves them with PATCH; starts from what the server has. */
export function TrackDetailsForm({ track, label, onSaved, onCancel }: TrackDetailsFormProps) {
  const save = useUpdateTrack(track.id, onSaved);
  const form = useForm({ fields: draftFields, initialValues: () => draftFromTrack(track), submitError: save.error });
  const { values, errors } = form;

  const change = <K extends DraftField>(field: K, value: TrackDraft[K]) => {
    form.setValue(field, value);
    if (save.isSuccess) save.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = form.validated(updateFromDraft(values));
    if (request) save.mutate(request);
  }

  return (
    <form className="form track-details-form" onSubmit={onSubmit} noValidate aria-label={label}>
      <TrackFields values={values} onChange={change} errors={errors} disabled={save.isPending} />
      {form.failedOutsideFields ? (
        <ErrorAlert>
          The details weren't saved. {errorMessage(save.error, { FORBIDDEN: "Only the track's owner can change it." })}
        </ErrorAlert>
      ) : null}
      {save.isSuccess ? (
        <SuccessNotice>
          <p>Details saved.</p>
        </SuccessNotice>
      ) : null}
      <FormActions submitLabel="Save details" pendingLabel="Saving…" pending={save.isPending} onCancel={onCancel} />
    </form>
  );
}
