import { type Me, updateProfileRequestSchema } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors, validate } from "../../../lib/forms.ts";
import { meQueryKey, useMe } from "../../auth/useMe.ts";
import { updateProfile } from "../services/accountApi.ts";

const fields = ["displayName", "bio", "location"] as const;
type ProfileField = (typeof fields)[number];

export function ProfileForm() {
  const me = useMe().data;
  // Keyed by user so switching accounts never shows the previous person's profile.
  return me ? <ProfileFormFields key={me.id} me={me} /> : null;
}

function ProfileFormFields({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const [values, setValues] = useState<Record<ProfileField, string>>({
    displayName: me.profile.displayName ?? "",
    bio: me.profile.bio ?? "",
    location: me.profile.location ?? "",
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors<ProfileField>>({});
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
  const serverErrors = fieldErrorsFromApi(save.error, fields);
  const errors = { ...serverErrors, ...clientErrors };

  const set = (field: ProfileField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // An edit makes "Profile saved" stale.
    if (save.isSuccess) save.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // An emptied box clears the field rather than storing "".
    const changes = Object.fromEntries(fields.map((field) => [field, values[field].trim() || null]));
    const checked = validate(updateProfileRequestSchema, changes, fields);
    setClientErrors(checked.ok ? {} : checked.fieldErrors);
    if (checked.ok) save.mutate(checked.data);
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Profile</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Profile">
        <Field
          label="Display name"
          name="displayName"
          autoComplete="nickname"
          maxLength={80}
          hint="Shown instead of your username on your profile and comments."
          value={values.displayName}
          onChange={set("displayName")}
          error={errors.displayName}
        />
        <Field
          label="Bio"
          name="bio"
          multiline
          maxLength={2000}
          value={values.bio}
          onChange={set("bio")}
          error={errors.bio}
        />
        <Field
          label="Location"
          name="location"
          maxLength={100}
          value={values.location}
          onChange={set("location")}
          error={errors.location}
        />
        {save.isError && !hasFieldErrors(serverErrors) ? (
          <ErrorAlert>Your profile wasn't saved. {errorMessage(save.error)}</ErrorAlert>
        ) : null}
        {save.isSuccess ? (
          <SuccessNotice>
            <p>Profile saved.</p>
          </SuccessNotice>
        ) : null}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save profile"}
        </button>
      </form>
    </section>
  );
}
