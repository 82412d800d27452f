import { HARD_DELETE_AFTER_DAYS } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef } from "react";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { CurrentPasswordField, SecondFactorCodeField } from "../../../components/ConfirmationFields.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { endSession, isCodeShaped, useMe, wrongCodeMessages } from "../../auth/index.ts";
import { deleteMyAccount } from "../services/privacyApi.ts";
import type { AccountDeletedState } from "./AccountDeletedNotice.tsx";

/** What the person types to show they mean it. */
export const DELETE_CONFIRMATION = "DELETE";

const fields = ["password", "code", "confirmation"] as const;
type DeleteField = (typeof fields)[number];
const initialValues = { password: "", code: "", confirmation: "", keepPublicTracks: false };

/** Settings → Privacy: delete the account, after saying exactly what that does. */
export function DeleteAccountSection() {
  const titleId = useId();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const deleted = useRef(false);
  // The session is forgotten once this page has gone: forgetting it while the guarded
  // settings are still shown (navigation renders as a transition, the session change at
  // once) would send the person to the sign-in page instead of home.
  useEffect(
    () => () => {
      if (deleted.current) endSession(queryClient);
    },
    [queryClient],
  );
  const remove = useMutation({
    mutationFn: deleteMyAccount,
    onSuccess: () => {
      deleted.current = true;
      const state: AccountDeletedState = { accountDeleted: true };
      navigate("/", { replace: true, state });
    },
  });
  const form = useForm({
    fields,
    initialValues,
    submitError: remove.error,
    codeFields: { PASSWORD_INCORRECT: "password", INVALID_TWO_FACTOR_CODE: "code" },
    messages: { ...wrongCodeMessages, PASSWORD_INCORRECT: "Your password is incorrect." },
  });
  const { values } = form;
  // Also when the server asks for one the cached account didn't know about (2FA turned on elsewhere).
  const needsCode =
    me?.twoFactorEnabled === true ||
    (remove.error instanceof ApiError && remove.error.code === "INVALID_TWO_FACTOR_CODE");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nextErrors: FieldErrors<DeleteField> = {};
    if (!values.password) nextErrors.password = "Enter your password";
    if (needsCode && !isCodeShaped(values.code)) nextErrors.code = "Enter a code from your authenticator app";
    if (values.confirmation.trim() !== DELETE_CONFIRMATION) {
      nextErrors.confirmation = `Type ${DELETE_CONFIRMATION} to confirm`;
    }
    if (!form.check(nextErrors)) return;
    remove.mutate({
      password: values.password,
      keepPublicTracks: values.keepPublicTracks,
      ...(needsCode ? { code: values.code.replace(/\s+/g, "") } : {}),
    });
  }

  return (
    <section className="card card--danger" aria-labelledby={titleId}>
      <h2 id={titleId}>Delete my account</h2>
      <p>Deleting your account is permanent. Here is exactly what happens:</p>
      <ul className="privacy__consequences">
        <li>
          <strong>At once:</strong> you're signed out on every device, and no one can sign in to the account again.
        </li>
        <li>
          <strong>At once:</strong> your email address, username, display name, bio, avatar, location and links are
          erased.
        </li>
        <li>
          <strong>At once:</strong> your private and unlisted tracks are deleted with their audio. Your public tracks
          are deleted too, unless you choose below to keep them: then they stay playable, shown as by "Deleted user".
        </li>
        <li>
          <strong>At once:</strong> your listening history, likes, follows, playlists, notifications and data exports
          are removed.
        </li>
        <li>
          Messages you sent stay with the people you sent them to, and comments you wrote stay on their tracks, shown as
          from "Deleted user".
        </li>
        <li>
          <strong>After {HARD_DELETE_AFTER_DAYS} days:</strong> the last traces, the IP addresses and browsers in your
          account's security log, are erased too.
        </li>
      </ul>
      <p>
        <strong>This cannot be undone.</strong> If you want a copy of your data, download it above first.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Delete my account">
        <label className="checkbox-field">
          <input
            type="checkbox"
            name="keepPublicTracks"
            checked={values.keepPublicTracks}
            onChange={(event) => form.setValue("keepPublicTracks", event.target.checked)}
          />
          Keep my public tracks playable, shown as by "Deleted user"
        </label>
        <CurrentPasswordField label="Password" {...form.field("password")} />
        {needsCode ? (
          <SecondFactorCodeField
            label="Code from your authenticator app"
            hint="Two-factor authentication is on: enter the code your app shows now, or one of your backup codes."
            {...form.field("code")}
          />
        ) : null}
        <Field
          label={`Type ${DELETE_CONFIRMATION} to confirm`}
          autoComplete="off"
          required
          {...form.field("confirmation")}
        />
        {form.failedOutsideFields ? (
          <ErrorAlert>Your account wasn't deleted. {errorMessage(remove.error)}</ErrorAlert>
        ) : null}
        <FormActions submitLabel="Delete my account" pendingLabel="Deleting…" pending={remove.isPending} danger />
      </form>
    </section>
  );
}
