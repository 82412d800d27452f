import type { Track, TrackSummary } from "@stave/contracts";
import { type FormEvent, useState } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors } from "../../../lib/forms.ts";
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
  const [values, setValues] = useState<TrackDraft>(() => draftFromTrack(track));
  const [clientErrors, setClientErrors] = useState<FieldErrors<DraftField>>({});
  const save = useUpdateTrack(track.id, onSaved);
  const serverErrors = fieldErrorsFromApi(save.error, draftFields);
  const errors = { ...serverErrors, ...clientErrors };

  const change = <K extends DraftField>(field: K, value: TrackDraft[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (save.isSuccess) save.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = updateFromDraft(values);
    setClientErrors(checked.ok ? {} : checked.fieldErrors);
    if (checked.ok) save.mutate(checked.data);
  }

  return (
    <form className="form track-details-form" onSubmit={onSubmit} noValidate aria-label={label}>
      <TrackFields values={values} onChange={change} errors={errors} disabled={save.isPending} />
      {save.isError && !hasFieldErrors(serverErrors) ? (
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
