import type { AdminUserDetail } from "@stave/contracts";
import { useId, useState } from "react";
import { SuccessNotice } from "../../../components/Alert.tsx";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { roleLabels, useMe } from "../../auth/index.ts";
import { useForcePasswordReset, useResendVerification, useUnsuspendUser } from "../hooks/useAdminMutations.ts";
import { RoleChangeDialog } from "./RoleChangeDialog.tsx";
import { SuspendDialog } from "./SuspendDialog.tsx";

type Dialog = "role" | "suspend" | null;

/** What an admin can do to an account: role, suspension, password reset, verification email. */
export function UserActions({ user }: { user: AdminUserDetail }) {
  const titleId = useId();
  const isMe = useMe().data?.id === user.id;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const unsuspend = useUnsuspendUser(user.id);
  const forceReset = useForcePasswordReset(user.id);
  const resend = useResendVerification(user.id);
  const done = (message: string) => () => {
    setDialog(null);
    setNotice(message);
  };
  /** After a confirmed action: fold the question away and say what happened. */
  const after = (close: () => void, message: string) => () => {
    close();
    setNotice(message);
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Actions</h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {isMe ? <p>This is your own account: ask another admin to change its role or suspend it.</p> : null}
      <div className="form__actions admin-actions">
        <button type="button" className="button button--secondary" disabled={isMe} onClick={() => setDialog("role")}>
          Change role
        </button>
        {user.state === "suspended" ? (
          <ConfirmAction
            label="Lift suspension"
            question={`Lift the suspension of ${user.username}? They can sign in again and their tracks come back.`}
            confirmLabel="Lift suspension"
            pendingLabel="Lifting…"
            danger={false}
            onConfirm={(close) => unsuspend.mutate(undefined, { onSuccess: after(close, "Suspension lifted.") })}
            pending={unsuspend.isPending}
            error={unsuspend.error}
            failure="The suspension wasn't lifted."
          />
        ) : (
          <button
            type="button"
            className="button button--danger"
            disabled={isMe || user.state === "deleted"}
            onClick={() => setDialog("suspend")}
          >
            Suspend
          </button>
        )}
        <ConfirmAction
          label="Force password reset"
          question={`Sign ${user.username} out everywhere and make them choose a new password?`}
          confirmLabel="Force reset"
          pendingLabel="Forcing…"
          onConfirm={(close) =>
            forceReset.mutate(undefined, {
              onSuccess: after(close, "They must choose a new password at their next sign-in."),
            })
          }
          pending={forceReset.isPending}
          error={forceReset.error}
          failure="The password reset wasn't forced."
        />
        {user.isVerified ? null : (
          <ConfirmAction
            label="Resend verification email"
            question={`Send ${user.email} a new verification link?`}
            confirmLabel="Send it"
            pendingLabel="Sending…"
            danger={false}
            onConfirm={(close) => resend.mutate(undefined, { onSuccess: after(close, "Verification email sent.") })}
            pending={resend.isPending}
            error={resend.error}
            failure="The email wasn't sent."
          />
        )}
      </div>
      {dialog === "role" ? (
        <RoleChangeDialog
          user={user}
          onClose={() => setDialog(null)}
          onChanged={(role) => done(`Role changed to ${roleLabels[role]}.`)()}
        />
      ) : null}
      {dialog === "suspend" ? (
        <SuspendDialog
          user={user}
          onClose={() => setDialog(null)}
          onSuspended={done(`${user.username} is suspended.`)}
        />
      ) : null}
    </section>
  );
}
