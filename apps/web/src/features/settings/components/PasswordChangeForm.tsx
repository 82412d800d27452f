import { changePasswordRequestSchema } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { CurrentPasswordField } from "../../../components/ConfirmationFields.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";
import { confirmationError, NewPasswordFields } from "../../auth/index.ts";
import { changePassword } from "../services/accountApi.ts";
import { accessTokensQueryKey } from "./AccessTokens.tsx";
import { securityEventsQueryKey } from "./SecurityEvents.tsx";
import { sessionsQueryKey } from "./SessionsList.tsx";

const fields = ["currentPassword", "newPassword", "confirmPassword"] as const;
type PasswordField = (typeof fields)[number];
const empty: Record<PasswordField, string> = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function PasswordChangeForm() {
  const queryClient = useQueryClient();
  const titleId = useId();
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      // The server has just signed out every other session and revoked every token.
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      void queryClient.invalidateQueries({ queryKey: accessTokensQueryKey });
      void queryClient.invalidateQueries({ queryKey: securityEventsQueryKey });
    },
  });
  const form = useForm({
    fields,
    initialValues: empty,
    submitError: change.error,
    codeFields: { PASSWORD_INCORRECT: "currentPassword", WEAK_PASSWORD: "newPassword" },
    messages: { PASSWORD_INCORRECT: "Your current password is incorrect." },
    // An edit makes "Password changed" stale.
    onEdit: () => {
      if (change.isSuccess) change.reset();
    },
  });
  const { values, errors } = form;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = form.validate(changePasswordRequestSchema, values, {
      currentPassword: values.currentPassword ? undefined : "Enter your current password",
      confirmPassword: confirmationError(values, "The new passwords don't match"),
    });
    // Emptied once the server took it: the boxes held passwords.
    if (request) change.mutate(request, { onSuccess: form.reset });
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Password</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
        <CurrentPasswordField label="Current password" {...form.field("currentPassword")} />
        <NewPasswordFields
          values={values}
          onChange={form.setValue}
          errors={errors}
          hintNote="Changing it signs you out on your other devices and revokes your access tokens."
        />
        {form.failedOutsideFields ? (
          <ErrorAlert>Your password wasn't changed. {errorMessage(change.error)}</ErrorAlert>
        ) : null}
        {change.isSuccess ? (
          <SuccessNotice>
            <p>Password changed. Your other sessions have been signed out and your access tokens revoked.</p>
          </SuccessNotice>
        ) : null}
        <FormActions submitLabel="Change password" pendingLabel="Changing…" pending={change.isPending} />
      </form>
    </section>
  );
}
