import type { InviteCode } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";
import { useCreateInvite, useRevokeInvite } from "../hooks/useAdminMutations.ts";
import { useInvites } from "../hooks/useAdminQueries.ts";

function inviteState(invite: InviteCode, now = Date.now()): string {
  if (invite.revokedAt) return "Revoked";
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return "Expired";
  if (invite.uses >= invite.maxUses) return "Used up";
  return "Active";
}

/** Invite codes: make one (its code shown once, to copy), see how each is used, revoke one. */
export function InviteCodes() {
  const titleId = useId();
  const invites = useInvites();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Invite codes</h2>
      <p>While registration is invite only, new accounts need one of these.</p>
      <CreateInviteForm />
      {invites.isPending ? <p className="loading">Loading invite codes…</p> : null}
      {invites.isError ? (
        <ErrorAlert>We couldn't load the invite codes. {errorMessage(invites.error)}</ErrorAlert>
      ) : null}
      {invites.data && invites.data.length === 0 ? <p className="empty-state">No invite codes yet.</p> : null}
      {invites.data && invites.data.length > 0 ? (
        <table className="admin-table">
          <caption className="visually-hidden">Invite codes</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Note</th>
              <th scope="col">Used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.map((invite) => (
              <InviteRow key={invite.id} invite={invite} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function InviteRow({ invite }: { invite: InviteCode }) {
  const revoke = useRevokeInvite(invite.id);
  const state = inviteState(invite);
  return (
    <tr>
      <th scope="row">
        <code>{invite.hint}…</code>
      </th>
      <td>{invite.note || "—"}</td>
      <td>
        {invite.uses} of {invite.maxUses}
      </td>
      <td>
        {invite.expiresAt ? <time dateTime={invite.expiresAt}>{formatDateTime(invite.expiresAt)}</time> : "Never"}
      </td>
      <td>{state}</td>
      <td>
        {state === "Revoked" ? null : (
          <ConfirmAction
            label="Revoke"
            labelAriaLabel={`Revoke invite ${invite.hint}…`}
            question="Revoke this invite? Nobody can register with it any more."
            confirmLabel="Revoke"
            pendingLabel="Revoking…"
            cancelLabel="Keep it"
            onConfirm={() => revoke.mutate()}
            pending={revoke.isPending}
            error={revoke.error}
            failure="The invite wasn't revoked."
          />
        )}
      </td>
    </tr>
  );
}

/** Makes an invite; its code is shown here once, to copy, and only its first characters afterwards. */
function CreateInviteForm() {
  const form = useForm({
    fields: ["maxUses", "expiresInDays"] as const,
    initialValues: { note: "", maxUses: "1", expiresInDays: "" },
  });
  const { values } = form;
  const { note, maxUses, expiresInDays } = values;
  const [copied, setCopied] = useState(false);
  const create = useCreateInvite();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const uses = Number(maxUses);
    const days = Number(expiresInDays);
    const nextErrors = {
      maxUses: /^\d+$/.test(maxUses.trim()) && uses >= 1 && uses <= 10_000 ? undefined : "From 1 to 10,000 uses.",
      expiresInDays:
        !expiresInDays.trim() || (/^\d+$/.test(expiresInDays.trim()) && days >= 1 && days <= 365)
          ? undefined
          : "From 1 to 365 days, or empty for never.",
    };
    if (!form.check(nextErrors)) return;
    setCopied(false);
    create.mutate({ note: note.trim(), maxUses: uses, ...(expiresInDays.trim() ? { expiresInDays: days } : {}) });
  }

  if (create.isSuccess) {
    const { code } = create.data;
    const link = `${window.location.origin}/register?invite=${encodeURIComponent(code)}`;
    return (
      <SuccessNotice>
        <p>
          New invite code: <code className="invite-code">{code}</code>
        </p>
        <p>Copy it now: it won't be shown again. People can also register with this link: {link}</p>
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(code).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy code"}
          </button>
          <button type="button" className="button" onClick={() => create.reset()}>
            Done
          </button>
        </div>
      </SuccessNotice>
    );
  }

  return (
    <form className="form form--inline-section" onSubmit={onSubmit} noValidate aria-label="New invite code">
      <h3>New invite code</h3>
      <Field
        label="Note"
        name="note"
        maxLength={200}
        hint="Who it is for, say."
        value={note}
        onChange={form.change("note")}
      />
      <Field label="Uses" required inputMode="numeric" {...form.field("maxUses")} />
      <Field
        label="Expires after (days)"
        inputMode="numeric"
        hint="Empty: it never expires."
        {...form.field("expiresInDays")}
      />
      {create.isError ? <ErrorAlert>The invite wasn't created. {errorMessage(create.error)}</ErrorAlert> : null}
      <FormActions submitLabel="Create invite code" pendingLabel="Creating…" pending={create.isPending} />
    </form>
  );
}
