import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { CurrentPasswordField, SecondFactorCodeField } from "../../../components/ConfirmationFields.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { isCodeShaped, wrongCodeMessages } from "../../auth/index.ts";
import { disableTwoFactor, regenerateBackupCodes } from "../services/twoFactorApi.ts";

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
  const regenerate = useMutation({ mutationFn: regenerateBackupCodes, onSuccess: onBackupCodes });
  const form = useForm({
    fields: regenerateFields,
    initialValues: { code: "" },
    submitError: regenerate.error,
    codeFields: { INVALID_TWO_FACTOR_CODE: "code", REAUTH_REQUIRED: "code" },
    messages: wrongCodeMessages,
  });
  const { code } = form.values;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, "");
    const nextErrors: FieldErrors<RegenerateField> = {};
    if (!isCodeShaped(trimmed)) nextErrors.code = codeMissing;
    if (!form.check(nextErrors)) return;
    regenerate.mutate({ code: trimmed });
  }

  return (
    <form className="form form--inline-section" onSubmit={onSubmit} noValidate aria-label="New backup codes">
      <h3>Backup codes</h3>
      <p>
        Lost your codes, or used most of them? Get a new set; the old codes stop working. Confirm with a code from your
        app.
      </p>
      {form.failedOutsideFields ? (
        <ErrorAlert>Couldn't make new backup codes. {errorMessage(regenerate.error)}</ErrorAlert>
      ) : null}
      <SecondFactorCodeField hint="Or one of your backup codes." {...form.field("code")} />
      <FormActions
        submitLabel="Generate new backup codes"
        pendingLabel="Generating…"
        pending={regenerate.isPending}
        secondary
      />
    </form>
  );
}

const disableFields = ["password", "code"] as const;
type DisableField = (typeof disableFields)[number];

function DisableTwoFactorForm({ onDisabled }: { onDisabled: () => void }) {
  const disable = useMutation({
    mutationFn: ({ password, code }: Record<DisableField, string>) => disableTwoFactor(password, code),
    onSuccess: onDisabled,
  });
  const form = useForm({
    fields: disableFields,
    initialValues: { password: "", code: "" },
    submitError: disable.error,
    codeFields: { PASSWORD_INCORRECT: "password", INVALID_TWO_FACTOR_CODE: "code" },
    messages: { ...wrongCodeMessages, PASSWORD_INCORRECT: "Your password is incorrect." },
  });
  const { values } = form;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nextErrors: FieldErrors<DisableField> = {};
    if (!values.password) nextErrors.password = "Enter your password";
    if (!isCodeShaped(values.code)) nextErrors.code = codeMissing;
    if (form.check(nextErrors)) disable.mutate({ password: values.password, code: values.code.replace(/\s+/g, "") });
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
      {form.failedOutsideFields ? (
        <ErrorAlert>Two-factor authentication is still on. {errorMessage(disable.error)}</ErrorAlert>
      ) : null}
      <CurrentPasswordField label="Password" {...form.field("password")} />
      <SecondFactorCodeField hint="Or one of your backup codes." {...form.field("code")} />
      <FormActions
        submitLabel="Turn off two-factor authentication"
        pendingLabel="Turning off…"
        pending={disable.isPending}
        danger
      />
    </form>
  );
}
