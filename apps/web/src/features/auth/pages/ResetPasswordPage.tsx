import { resetPasswordRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors, validate } from "../../../lib/forms.ts";
import { confirmationError, NewPasswordFields } from "../components/NewPasswordFields.tsx";
import { useLinkToken } from "../linkToken.ts";
import { resetPassword } from "../services/authApi.ts";

const fields = ["newPassword", "confirmPassword"] as const;
type ResetField = (typeof fields)[number];

/** Where the link in the reset email lands: `/reset-password#token=…` (see useLinkToken). */
export function ResetPasswordPage() {
  const token = useLinkToken();
  const [values, setValues] = useState<Record<ResetField, string>>({ newPassword: "", confirmPassword: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors<ResetField>>({});
  const reset = useMutation({ mutationFn: (newPassword: string) => resetPassword(token, newPassword) });

  const serverErrors = fieldErrorsFromApi(reset.error, fields, { WEAK_PASSWORD: "newPassword" });
  const errors = { ...serverErrors, ...clientErrors };
  const badToken = reset.error instanceof ApiError && reset.error.code === "INVALID_TOKEN";
  const set = (field: ResetField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(resetPasswordRequestSchema, { token, newPassword: values.newPassword }, fields);
    const nextErrors: FieldErrors<ResetField> = checked.ok ? {} : { ...checked.fieldErrors };
    const mismatch = confirmationError(values);
    if (mismatch) nextErrors.confirmPassword = mismatch;
    setClientErrors(nextErrors);
    if (checked.ok && !hasFieldErrors(nextErrors)) reset.mutate(checked.data.newPassword);
  }

  let content: ReactNode;
  if (!token) {
    content = <InvalidLink message="This link is missing its reset code." />;
  } else if (reset.isSuccess) {
    content = (
      <SuccessNotice>
        <p>Your password has been changed.</p>
        <p>
          <Link to="/login">Sign in with your new password</Link>
        </p>
      </SuccessNotice>
    );
  } else if (badToken) {
    content = <InvalidLink message="This reset link has expired or has already been used." />;
  } else {
    content = (
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
        {reset.isError && !hasFieldErrors(serverErrors) ? <ErrorAlert>{errorMessage(reset.error)}</ErrorAlert> : null}
        <NewPasswordFields values={values} onChange={set} errors={errors} />
        <button type="submit" className="button" disabled={reset.isPending}>
          {reset.isPending ? "Saving…" : "Set new password"}
        </button>
      </form>
    );
  }

  return (
    <section className="page page--narrow">
      <h1>Choose a new password</h1>
      {content}
    </section>
  );
}

function InvalidLink({ message }: { message: string }) {
  return (
    <ErrorAlert>
      <p>{message}</p>
      <p>
        <Link to="/forgot-password">Request a new reset link</Link>
      </p>
    </ErrorAlert>
  );
}
