import { loginRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { CurrentPasswordField } from "../../../components/ConfirmationFields.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { login, type SessionStarted } from "../services/authApi.ts";

const fields = ["login", "password"] as const;
type LoginField = (typeof fields)[number];

const requiredMessages: Record<LoginField, string> = {
  login: "Enter your email or username",
  password: "Enter your password",
};

type Props = {
  onSignedIn: (session: SessionStarted) => void;
  onTwoFactorRequired: (challenge: string) => void;
};

/** Step one of signing in: email or username and password. */
export function PasswordLoginForm({ onSignedIn, onTwoFactorRequired }: Props) {
  const form = useForm({ fields, initialValues: { login: "", password: "" } });
  const { values } = form;
  const attempt = useMutation({
    mutationFn: login,
    onSuccess: (reply) => {
      if ("twoFactorRequired" in reply) onTwoFactorRequired(reply.challenge);
      else onSignedIn(reply);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The schema's "too short" reads oddly for an empty box; say what is missing.
    const missing: FieldErrors<LoginField> = {};
    for (const field of fields) if (!values[field]) missing[field] = requiredMessages[field];
    const request = form.validate(loginRequestSchema, values, missing);
    if (request) attempt.mutate(request);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      {attempt.isError ? (
        <ErrorAlert>
          {errorMessage(attempt.error, {
            INVALID_CREDENTIALS: "That email or username and password don't match. Check them and try again.",
          })}
        </ErrorAlert>
      ) : null}
      <Field label="Email or username" autoComplete="username" required {...form.field("login")} />
      <CurrentPasswordField label="Password" {...form.field("password")} />
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <FormActions submitLabel="Sign in" pendingLabel="Signing in…" pending={attempt.isPending} />
    </form>
  );
}
