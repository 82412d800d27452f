import type { TwoFactorSetup as Setup } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { fieldErrorsFromApi } from "../../../lib/forms.ts";
import { enableTwoFactor, startTwoFactorSetup } from "../services/twoFactorApi.ts";
import { wrongCodeMessages } from "./twoFactorCodes.ts";

/** Turning two-factor on: get a secret, scan it, prove it works with a code. */
export function TwoFactorSetup({ onEnabled }: { onEnabled: (backupCodes: string[]) => void }) {
  const setup = useMutation({ mutationFn: startTwoFactorSetup });

  if (setup.isSuccess) return <ConfirmSetup setup={setup.data} onEnabled={onEnabled} />;
  return (
    <div>
      <p>
        Two-factor authentication is <strong>off</strong>. Turn it on to ask for a code from an authenticator app when
        you sign in.
      </p>
      {setup.isError ? <ErrorAlert>Couldn't start the setup. {errorMessage(setup.error)}</ErrorAlert> : null}
      <button type="button" className="button" disabled={setup.isPending} onClick={() => setup.mutate()}>
        {setup.isPending ? "Starting…" : "Set up two-factor authentication"}
      </button>
    </div>
  );
}

function ConfirmSetup({ setup, onEnabled }: { setup: Setup; onEnabled: (backupCodes: string[]) => void }) {
  const [code, setCode] = useState("");
  const [clientError, setClientError] = useState<string>();
  const enable = useMutation({ mutationFn: enableTwoFactor, onSuccess: onEnabled });
  const serverError = fieldErrorsFromApi(
    enable.error,
    ["code"] as const,
    { INVALID_TWO_FACTOR_CODE: "code" },
    wrongCodeMessages,
  ).code;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(value)) {
      setClientError("Enter the 6-digit code your app shows");
      return;
    }
    setClientError(undefined);
    enable.mutate(value);
  }

  return (
    <div className="two-factor-setup">
      <ol className="two-factor-setup__steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <img src={setup.qrCodeDataUrl} alt="QR code for your authenticator app" width={180} height={180} />
          <p>
            Can't scan it? Enter this key instead: <code className="two-factor-setup__secret">{setup.secret}</code>
          </p>
        </li>
        <li>
          <form className="form" onSubmit={onSubmit} noValidate aria-label="Confirm two-factor setup">
            {enable.isError && serverError === undefined ? (
              <ErrorAlert>Couldn't turn on two-factor authentication. {errorMessage(enable.error)}</ErrorAlert>
            ) : null}
            <Field
              label="Code from your app"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              value={code}
              onChange={setCode}
              error={clientError ?? serverError}
            />
            <button type="submit" className="button" disabled={enable.isPending}>
              {enable.isPending ? "Checking…" : "Turn on two-factor authentication"}
            </button>
          </form>
        </li>
      </ol>
    </div>
  );
}
