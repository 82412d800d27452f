import { PASSWORD_MIN_LENGTH, registerRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors, validate } from "../../../lib/forms.ts";
import { register } from "../services/authApi.ts";

const fields = ["email", "username", "password"] as const;
type RegisterField = (typeof fields)[number];

// For an empty box the schema's rule reads oddly; say what is missing instead.
const missing: Record<RegisterField, string> = {
  email: "Enter your email address",
  username: "Choose a username",
  password: "Choose a password",
};

export function RegisterPage() {
  const [values, setValues] = useState<Record<RegisterField, string>>({ email: "", username: "", password: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors<RegisterField>>({});
  const registration = useMutation({ mutationFn: register });

  const serverErrors = fieldErrorsFromApi(registration.error, fields, {
    EMAIL_TAKEN: "email",
    USERNAME_TAKEN: "username",
    WEAK_PASSWORD: "password",
  });
  const errors = { ...serverErrors, ...clientErrors };
  const set = (field: RegisterField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(registerRequestSchema, values, fields);
    const nextErrors: FieldErrors<RegisterField> = checked.ok ? {} : { ...checked.fieldErrors };
    for (const field of fields) if (!values[field]) nextErrors[field] = missing[field];
    setClientErrors(nextErrors);
    if (checked.ok) registration.mutate(checked.data);
  }

  if (registration.isSuccess) {
    return (
      <section className="page page--narrow">
        <h1>Check your email</h1>
        <SuccessNotice>
          <p>
            Your account is ready. We sent a verification link to <strong>{registration.data.email}</strong>. Check your
            email and follow the link to verify your address.
          </p>
        </SuccessNotice>
        <p>
          Nothing arrived? <Link to="/verify-email/resend">Send the link again</Link>, or{" "}
          <Link to="/login">sign in</Link>.
        </p>
      </section>
    );
  }

  return (
    <section className="page page--narrow">
      <h1>Create your account</h1>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Create account">
        {registration.isError && !hasFieldErrors(serverErrors) ? (
          <ErrorAlert>{errorMessage(registration.error)}</ErrorAlert>
        ) : null}
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={set("email")}
          error={errors.email}
        />
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          required
          hint="3–30 characters: lower-case letters, digits, _ . and -"
          value={values.username}
          onChange={set("username")}
          error={errors.username}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          value={values.password}
          onChange={set("password")}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={registration.isPending}>
          {registration.isPending ? "Creating account…" : "Create account"}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
    </section>
  );
}
