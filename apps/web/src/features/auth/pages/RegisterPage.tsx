import { type InstanceInfo, PASSWORD_MIN_LENGTH, registerRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { useInstanceInfo } from "../../instance/index.ts";
import { register } from "../services/authApi.ts";

const fields = ["email", "username", "password", "inviteCode"] as const;
type RegisterField = (typeof fields)[number];

// For an empty box the schema's rule reads oddly; say what is missing instead.
const missing: Record<RegisterField, string> = {
  email: "Enter your email address",
  username: "Choose a username",
  password: "Choose a password",
  inviteCode: "Enter your invite code",
};

/**
 * /register: as the instance allows. Closed: says so, with no form; invite only: asks for
 * the code (filled in from `?invite=`). The terms and privacy policy, when written, fold out.
 */
export function RegisterPage() {
  const instance = useInstanceInfo();
  // Unknown (still loading, or the instance endpoint failed): offer the form; the server decides.
  const mode = instance.data?.registrationMode ?? "open";

  if (instance.isPending) return <p className="loading">Loading…</p>;
  if (mode === "closed") {
    return (
      <section className="page page--narrow">
        <h1>Registration is closed</h1>
        <p>{instance.data?.name ?? "This instance"} isn't accepting new accounts at the moment.</p>
        <p>
          Already have an account? <Link to="/login">Sign in</Link>.
        </p>
      </section>
    );
  }
  return <RegisterForm inviteOnly={mode === "invite"} instance={instance.data} />;
}

function RegisterForm({ inviteOnly, instance }: { inviteOnly: boolean; instance: InstanceInfo | undefined }) {
  const [params] = useSearchParams();
  const registration = useMutation({ mutationFn: register });
  const form = useForm({
    fields,
    initialValues: { email: "", username: "", password: "", inviteCode: params.get("invite") ?? "" },
    submitError: registration.error,
    codeFields: {
      EMAIL_TAKEN: "email",
      USERNAME_TAKEN: "username",
      WEAK_PASSWORD: "password",
      INVITE_CODE_INVALID: "inviteCode",
    },
  });
  const { values } = form;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { inviteCode, ...account } = values;
    const request = inviteOnly ? { ...account, inviteCode: inviteCode.trim() || undefined } : account;
    const required: FieldErrors<RegisterField> = {};
    for (const field of ["email", "username", "password"] as const)
      if (!values[field]) required[field] = missing[field];
    if (inviteOnly && !inviteCode.trim()) required.inviteCode = missing.inviteCode;
    const checked = form.validate(registerRequestSchema, request, required);
    if (checked) registration.mutate(checked);
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
      {inviteOnly ? <p>Registration here is by invitation: you need an invite code.</p> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Create account">
        {form.failedOutsideFields ? <ErrorAlert>{errorMessage(registration.error)}</ErrorAlert> : null}
        <Field label="Email" type="email" autoComplete="email" required {...form.field("email")} />
        <Field
          label="Username"
          autoComplete="username"
          required
          hint="3–30 characters: lower-case letters, digits, _ . and -"
          {...form.field("username")}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          {...form.field("password")}
        />
        {inviteOnly ? <Field label="Invite code" autoComplete="off" required {...form.field("inviteCode")} /> : null}
        <Policies instance={instance} />
        <FormActions submitLabel="Create account" pendingLabel="Creating account…" pending={registration.isPending} />
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
    </section>
  );
}

/** The instance's terms and privacy policy, each folded away, when the operator wrote them. */
function Policies({ instance }: { instance: InstanceInfo | undefined }) {
  if (!instance?.termsText && !instance?.privacyText) return null;
  return (
    <div className="register-policies">
      <p>By creating an account you agree to these:</p>
      {instance.termsText ? (
        <details>
          <summary>Terms of service</summary>
          <div className="register-policies__text">{instance.termsText}</div>
        </details>
      ) : null}
      {instance.privacyText ? (
        <details>
          <summary>Privacy policy</summary>
          <div className="register-policies__text">{instance.privacyText}</div>
        </details>
      ) : null}
    </div>
  );
}
