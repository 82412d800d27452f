import { type Me, updateProfileRequestSchema } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";
import { meQueryKey, useMe } from "../../auth/index.ts";
import { updateProfile } from "../services/accountApi.ts";

const fields = ["displayName", "bio", "location"] as const;

export function ProfileForm() {
  const me = useMe().data;
  // Keyed by user so switching accounts never shows the previous person's profile.
  return me ? <ProfileFormFields key={me.id} me={me} /> : null;
}

function ProfileFormFields({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
  const form = useForm({
    fields,
    initialValues: {
      displayName: me.profile.displayName ?? "",
      bio: me.profile.bio ?? "",
      location: me.profile.location ?? "",
    },
    submitError: save.error,
    // An edit makes "Profile saved" stale.
    onEdit: () => {
      if (save.isSuccess) save.reset();
    },
  });
  const { values } = form;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // An emptied box clears the field rather than storing "".
    const changes = Object.fromEntries(fields.map((field) => [field, values[field].trim() || null]));
    const request = form.validate(updateProfileRequestSchema, changes);
    if (request) save.mutate(request);
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Profile</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Profile">
        <Field
          label="Display name"
          autoComplete="nickname"
          maxLength={80}
          hint="Shown instead of your username on your profile and comments."
          {...form.field("displayName")}
        />
        <Field label="Bio" multiline maxLength={2000} {...form.field("bio")} />
        <Field label="Location" maxLength={100} {...form.field("location")} />
        {form.failedOutsideFields ? (
          <ErrorAlert>Your profile wasn't saved. {errorMessage(save.error)}</ErrorAlert>
        ) : null}
        {save.isSuccess ? (
          <SuccessNotice>
            <p>Profile saved.</p>
          </SuccessNotice>
        ) : null}
        <FormActions submitLabel="Save profile" pendingLabel="Saving…" pending={save.isPending} />
      </form>
    </section>
  );
}
