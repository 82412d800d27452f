import { type AdminUserDetail, type Role, roleSchema, roles } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { ModalDialog } from "../../../components/ModalDialog.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { roleLabels } from "../../auth/index.ts";
import { useChangeRole } from "../hooks/useAdminMutations.ts";

type RoleChangeDialogProps = {
  user: AdminUserDetail;
  onClose: () => void;
  /** After the change is saved (the dialog does not close itself). */
  onChanged: (role: Role) => void;
};

/** The role the server says the user has now, from a 409 ROLE_CHANGED_CONCURRENTLY. */
function currentRoleOf(error: unknown): Role | undefined {
  if (!(error instanceof ApiError) || error.code !== "ROLE_CHANGED_CONCURRENTLY") return undefined;
  const details = error.details;
  const role = typeof details === "object" && details !== null && "currentRole" in details ? details.currentRole : null;
  const parsed = roleSchema.safeParse(role);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Changes a user's role, sending the role the admin saw: if it changed meanwhile (say, they
 * just upgraded themselves), nothing is overwritten and the dialog says what it is now.
 */
export function RoleChangeDialog({ user, onClose, onChanged }: RoleChangeDialogProps) {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const change = useChangeRole(user.id);
  const concurrent = change.error instanceof ApiError && change.error.code === "ROLE_CHANGED_CONCURRENTLY";
  const currentRole = currentRoleOf(change.error) ?? user.role;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ role, expectedRole: user.role }, { onSuccess: () => onChanged(role) });
  }

  return (
    <ModalDialog title={`Change the role of ${user.username}`} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-label="Change role">
        <p>
          {user.username} is now <strong>{roleLabels[user.role]}</strong>.
        </p>
        <div className="field">
          <label htmlFor={`${id}-role`} className="field__label">
            New role
          </label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            disabled={change.isPending}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {roleLabels[option]}
              </option>
            ))}
          </select>
        </div>
        {concurrent ? (
          <ErrorAlert>
            <p>
              <strong>Nothing was changed.</strong> Someone else changed the role of {user.username} to{" "}
              {roleLabels[currentRole]} while you were looking. Check it, then choose again.
            </p>
          </ErrorAlert>
        ) : change.isError ? (
          <ErrorAlert>The role wasn't changed. {errorMessage(change.error)}</ErrorAlert>
        ) : null}
        <FormActions
          submitLabel="Change role"
          pendingLabel="Changing…"
          pending={change.isPending}
          disabled={role === user.role}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
