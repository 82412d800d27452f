import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { SecondFactorCodeField } from "../../../components/ConfirmationFields.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { loginWithTwoFactor, type SessionStarted } from "../services/authApi.ts";

type Props = {
  challenge: string;
  onSignedIn: (session: SessionStarted) => void;
  onStartOver: () => void;
};

/** Step two of signing in, for accounts with two-factor authentication. */
export function TwoFactorLoginForm({ challenge, onSignedIn, onStartOver }: Props) {
  const [code, setCode] = useState("");
  const [clientError, setClientError] = useState<string>();
  const attempt = useMutation({
    mutationFn: (value: string) => loginWithTwoFactor(challenge, value),
    onSuccess: onSignedIn,
  });

  const wrongCode = attempt.error instanceof ApiError && attempt.error.code === "INVALID_TWO_FACTOR_CODE";
  const codeError =
    clientError ??
    (wrongCode ? "That code didn't work. Enter the current code from your app, or a backup code." : undefined);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s+/g, "");
    if (value.length < 6 || value.length > 20) {
      setClientError("Enter the 6-digit code from your authenticator app, or a backup code");
      return;
    }
    setClientError(undefined);
    attempt.mutate(value);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Two-factor authentication">
      <p>Your account is protected with two-factor authentication.</p>
      {attempt.isError && !wrongCode ? (
        <ErrorAlert>
          {errorMessage(attempt.error, {
            UNAUTHENTICATED: "This sign-in attempt has expired. Start over and enter your password again.",
            INVALID_TOKEN: "This sign-in attempt has expired. Start over and enter your password again.",
          })}
        </ErrorAlert>
      ) : null}
      <SecondFactorCodeField
        label="Authentication code"
        hint="The 6-digit code from your authenticator app, or one of your backup codes."
        value={code}
        onChange={setCode}
        error={codeError}
      />
      <div className="form__actions">
        <FormActions submitLabel="Verify and sign in" pendingLabel="Checking…" pending={attempt.isPending} />
        <button type="button" className="button button--secondary" onClick={onStartOver}>
          Start over
        </button>
      </div>
    </form>
  );
}
