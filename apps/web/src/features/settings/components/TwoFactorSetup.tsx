import type { TwoFactorSetup as Setup } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { CurrentPasswordField, SecondFactorCodeField } from "../../../components/ConfirmationFields.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { wrongCodeMessages } from "../../auth/index.ts";
import { enableTwoFactor, startTwoFactorSetup } from "../services/twoFactorApi.ts";

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

const confirmFields = ["code", "password"] as const;
type ConfirmField = (typeof confirmFields)[number];

function ConfirmSetup({ setup, onEnabled }: { setup: Setup; onEnabled: (backupCodes: string[]) => void }) {
  const enable = useMutation({ mutationFn: enableTwoFactor, onSuccess: onEnabled });
  const form = useForm({
    fields: confirmFields,
    initialValues: { code: "", password: "" },
    submitError: enable.error,
    codeFields: { INVALID_TWO_FACTOR_CODE: "code", PASSWORD_INCORRECT: "password" },
    messages: { ...wrongCodeMessages, PASSWORD_INCORRECT: "Your password is incorrect." },
  });
  const { values } = form;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const code = values.code.replace(/\s+/g, "");
    const nextErrors: FieldErrors<ConfirmField> = {};
    if (!/^\d{6}$/.test(code)) nextErrors.code = "Enter the 6-digit code your app shows";
    // Someone at a borrowed, signed-in browser must not be able to tie the account to their phone.
    if (!values.password) nextErrors.password = "Enter your password";
    if (form.check(nextErrors)) enable.mutate({ code, password: values.password });
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
            {form.failedOutsideFields ? (
              <ErrorAlert>Couldn't turn on two-factor authentication. {errorMessage(enable.error)}</ErrorAlert>
            ) : null}
            <SecondFactorCodeField inputMode="numeric" {...form.field("code")} />
            <CurrentPasswordField hint="To confirm it is you." {...form.field("password")} />
            {/* Said before, not only after: a device or script of their own will need signing in again. */}
            <p className="field__hint">
              This signs out your other sessions and revokes your personal access tokens. This browser stays signed in.
            </p>
            <FormActions
              submitLabel="Turn on two-factor authentication"
              pendingLabel="Checking…"
              pending={enable.isPending}
            />
          </form>
        </li>
      </ol>
    </div>
  );
}
