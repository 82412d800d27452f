import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors } from "../../../lib/forms.ts";
import { disableTwoFactor, regenerateBackupCodes } from "../services/twoFactorApi.ts";
import { CurrentPasswordField, SecondFactorCodeField } from "./ConfirmationFields.tsx";
import { isCodeShaped, wrongCodeMessages } from "./twoFactorCodes.ts";

const codeMissing = "Enter a code from your authenticator app";

type Props = { onBackupCodes: (codes: string[]) => void; onDisabled: () => void };

/** Two-factor is on: new backup codes, or turning it off. */
export function TwoFactorManage({ onBackupCodes, onDisabled }: Props) {
  return (
    <div>
      <p>
        Two-factor authentication is <strong>on</strong>. Signing in asks for a code from your authenticator app.
      </p>
      <RegenerateBackupCodesForm onBackupCodes={onBackupCodes} />
      <DisableTwoFactorForm onDisabled={onDisabled} />
    </div>
  );
}

const regenerateFields = ["code"] as const;
type RegenerateField = (typeof regenerateFields)[number];

/**
 * New backup codes after a code from the app (or a backup code): the password alone would let
 * someone with a stolen session and password replace the owner's codes, so it is not asked.
 */
function RegenerateBackupCodesForm({ onBackupCodes }: { onBackupCodes: (codes: string[]) => void }) {
  const [code, setCode] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors<RegenerateField>>({});
  const regenerate = useMutation({ mutationFn: regenerateBackupCodes, onSuccess: onBackupCodes });
  const serverErrors = fieldErrorsFromApi(
    regenerate.error,
    regenerateFields,
    { INVALID_TWO_FACTOR_CODE: "code", REAUTH_REQUIRED: "code" },
    wrongCodeMessages,
  );
  const errors = { ...serverErrors, ...clientErrors };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, "");
    const nextErrors: FieldErrors<RegenerateField> = {};
    if (!isCodeShaped(trimmed)) nextErrors.code = codeMissing;
    setClientErrors(nextErrors);
    if (hasFieldErrors(nextErrors)) return;
    regenerate.mutate({ code: trimmed });
  }

  return (
    <form className="form form--inline-section" onSubmit={onSubmit} noValidate aria-label="New backup codes">
      <h3>Backup codes</h3>
      <p>
        Lost your codes, or used most of them? Get a new set; the old codes stop working. Confirm with a code from your
        app.
      </p>
      {regenerate.isError && !hasFieldErrors(serverErrors) ? (
        <ErrorAlert>Couldn't make new backup codes. {errorMessage(regenerate.error)}</ErrorAlert>
      ) : null}
      <SecondFactorCodeField hint="Or one of your backup codes." value={code} onChange={setCode} error={errors.code} />
      <button type="submit" className="button button--secondary" disabled={regenerate.isPending}>
        {regenerate.isPending ? "Generating…" : "Generate new backup codes"}
      </button>
    </form>
  );
}

const disableFields = ["password", "code"] as const;
type DisableField = (typeof disableFields)[number];

function DisableTwoFactorForm({ onDisabled }: { onDisabled: () => void }) {
  const [values, setValues] = useState<Record<DisableField, string>>({ password: "", code: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors<DisableField>>({});
  const disable = useMutation({
    mutationFn: () => disableTwoFactor(values.password, values.code.replace(/\s+/g, "")),
    onSuccess: onDisabled,
  });
  const serverErrors = fieldErrorsFromApi(
    disable.error,
    disableFields,
    { PASSWORD_INCORRECT: "password", INVALID_TWO_FACTOR_CODE: "code" },
    { ...wrongCodeMessages, PASSWORD_INCORRECT: "Your password is incorrect." },
  );
  const errors = { ...serverErrors, ...clientErrors };
  const set = (field: DisableField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nextErrors: FieldErrors<DisableField> = {};
    if (!values.password) nextErrors.password = "Enter your password";
    if (!isCodeShaped(values.code)) nextErrors.code = codeMissing;
    setClientErrors(nextErrors);
    if (!hasFieldErrors(nextErrors)) disable.mutate();
  }

  return (
    <form
      className="form form--inline-section"
      onSubmit={onSubmit}
      noValidate
      aria-label="Turn off two-factor authentication"
    >
      <h3>Turn off two-factor authentication</h3>
      <p>
        Your account will be protected by your password alone. Your personal access tokens are revoked and your other
        sessions signed out.
      </p>
      {disable.isError && !hasFieldErrors(serverErrors) ? (
        <ErrorAlert>Two-factor authentication is still on. {errorMessage(disable.error)}</ErrorAlert>
      ) : null}
      <CurrentPasswordField
        label="Password"
        value={values.password}
        onChange={set("password")}
        error={errors.password}
      />
      <SecondFactorCodeField
        hint="Or one of your backup codes."
        value={values.code}
        onChange={set("code")}
        error={errors.code}
      />
      <button type="submit" className="button button--danger" disabled={disable.isPending}>
        {disable.isPending ? "Turning off…" : "Turn off two-factor authentication"}
      </button>
    </form>
  );
}
