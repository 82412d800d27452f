import { resetPasswordRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";
import { Link } from "react-router";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";
import { confirmationError, NewPasswordFields } from "../components/NewPasswordFields.tsx";
import { useLinkToken } from "../linkToken.ts";
import { resetPassword } from "../services/authApi.ts";

const fields = ["newPassword", "confirmPassword"] as const;
/** Where the link in the reset email lands: `/reset-password#token=…` (see useLinkToken). */
export function ResetPasswordPage() {
  const token = useLinkToken();
  const reset = useMutation({ mutationFn: (newPassword: string) => resetPassword(token, newPassword) });
  const form = useForm({
    fields,
    initialValues: { newPassword: "", confirmPassword: "" },
    submitError: reset.error,
    codeFields: { WEAK_PASSWORD: "newPassword" },
  });
  const badToken = reset.error instanceof ApiError && reset.error.code === "INVALID_TOKEN";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = form.validate(
      resetPasswordRequestSchema,
      { token, newPassword: form.values.newPassword },
      { confirmPassword: confirmationError(form.values) },
    );
    if (request) reset.mutate(request.newPassword);
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
        {form.failedOutsideFields ? <ErrorAlert>{errorMessage(reset.error)}</ErrorAlert> : null}
        <NewPasswordFields values={form.values} onChange={form.setValue} errors={form.errors} />
        <FormActions submitLabel="Set new password" pendingLabel="Saving…" pending={reset.isPending} />
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
