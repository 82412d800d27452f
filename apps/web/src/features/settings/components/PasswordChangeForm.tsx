import { changePasswordRequestSchema } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors, validate } from "../../../lib/forms.ts";
import { confirmationError, NewPasswordFields } from "../../auth/components/NewPasswordFields.tsx";
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
  const [values, setValues] = useState(empty);
  const [clientErrors, setClientErrors] = useState<FieldErrors<PasswordField>>({});
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setValues(empty);
      // The server has just signed out every other session and revoked every token.
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      void queryClient.invalidateQueries({ queryKey: accessTokensQueryKey });
      void queryClient.invalidateQueries({ queryKey: securityEventsQueryKey });
    },
  });
  const serverErrors = fieldErrorsFromApi(
    change.error,
    fields,
    { PASSWORD_INCORRECT: "currentPassword", WEAK_PASSWORD: "newPassword" },
    { PASSWORD_INCORRECT: "Your current password is incorrect." },
  );
  const errors = { ...serverErrors, ...clientErrors };
  const set = (field: PasswordField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (change.isSuccess) change.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(changePasswordRequestSchema, values, fields);
    const nextErrors: FieldErrors<PasswordField> = checked.ok ? {} : { ...checked.fieldErrors };
    if (!values.currentPassword) nextErrors.currentPassword = "Enter your current password";
    const mismatch = confirmationError(values, "The new passwords don't match");
    if (mismatch) nextErrors.confirmPassword = mismatch;
    setClientErrors(nextErrors);
    if (checked.ok && !hasFieldErrors(nextErrors)) change.mutate(checked.data);
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Password</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={(value) => set("currentPassword", value)}
          error={errors.currentPassword}
        />
        <NewPasswordFields
          values={values}
          onChange={set}
          errors={errors}
          hintNote="Changing it signs you out on your other devices and revokes your access tokens."
        />
        {change.isError && !hasFieldErrors(serverErrors) ? (
          <ErrorAlert>Your password wasn't changed. {errorMessage(change.error)}</ErrorAlert>
        ) : null}
        {change.isSuccess ? (
          <SuccessNotice>
            <p>Password changed. Your other sessions have been signed out and your access tokens revoked.</p>
          </SuccessNotice>
        ) : null}
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}
