import { type AdminUserDetail, suspendRequestSchema } from "@stave/contracts";
import type { FormEvent } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ModalDialog } from "../../../components/ModalDialog.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm, validate } from "../../../lib/forms.ts";
import { useSuspendUser } from "../hooks/useAdminMutations.ts";

type SuspendDialogProps = {
  user: AdminUserDetail;
  onClose: () => void;
  onSuspended: () => void;
};

const fields = ["reason"] as const;

/** Suspension needs a reason: it is kept with the account and in the audit log. */
export function SuspendDialog({ user, onClose, onSuspended }: SuspendDialogProps) {
  const suspend = useSuspendUser(user.id);
  const form = useForm({ fields, initialValues: { reason: "" }, submitError: suspend.error });
  const { reason } = form.values;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(suspendRequestSchema, { reason }, fields);
    // Words for this reason (empty or too short) rather than the schema's.
    const request = form.validated(checked, {
      reason: checked.ok
        ? undefined
        : reason.trim()
          ? "Say a little more: at least 3 characters."
          : "Give a reason for the suspension.",
    });
    if (request) suspend.mutate(request.reason, { onSuccess: onSuspended });
  }

  return (
    <ModalDialog title={`Suspend ${user.username}`} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Suspend user">
        <p>They are signed out everywhere, can't sign in, and their tracks are hidden until you lift the suspension.</p>
        <Field
          label="Reason"
          multiline
          required
          maxLength={500}
          hint="Kept with the account and in the audit log."
          {...form.field("reason")}
          disabled={suspend.isPending}
        />
        {form.failedOutsideFields ? (
          <ErrorAlert>The user wasn't suspended. {errorMessage(suspend.error)}</ErrorAlert>
        ) : null}
        <FormActions
          submitLabel="Suspend"
          pendingLabel="Suspending…"
          pending={suspend.isPending}
          danger
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
