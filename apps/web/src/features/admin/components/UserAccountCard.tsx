import type { AdminUserDetail } from "@stave/contracts";
import { useId } from "react";
import { formatDateTime } from "../../../lib/dates.ts";
import { roleLabels } from "../../auth/index.ts";
import { userStateLabels } from "../adminText.ts";

const when = (iso: string | null, never = "Never") => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : never);

/** The account and profile as an admin needs them to judge it. */
export function UserAccountCard({ user }: { user: AdminUserDetail }) {
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Account</h2>
      {user.state === "suspended" ? (
        <div className="alert alert--error">
          <p>
            <strong>Suspended</strong> {when(user.suspendedAt, "")}: {user.suspensionReason ?? "no reason recorded"}
          </p>
        </div>
      ) : null}
      <dl className="summary">
        <dt>Email</dt>
        <dd>
          {user.email} {user.isVerified ? "(verified)" : "(not verified)"}
        </dd>
        <dt>Role</dt>
        <dd>{roleLabels[user.role]}</dd>
        <dt>State</dt>
        <dd>{userStateLabels[user.state]}</dd>
        <dt>Joined</dt>
        <dd>{when(user.createdAt)}</dd>
        <dt>Last sign-in</dt>
        <dd>{when(user.lastLoginAt)}</dd>
        {user.promotedToCreatorAt ? (
          <>
            <dt>Became a creator</dt>
            <dd>{when(user.promotedToCreatorAt)}</dd>
          </>
        ) : null}
        <dt>Two-factor</dt>
        <dd>{user.twoFactorEnabled ? "On" : "Off"}</dd>
        {user.passwordResetRequired ? (
          <>
            <dt>Password</dt>
            <dd>Must be reset at the next sign-in</dd>
          </>
        ) : null}
        {user.profile.location ? (
          <>
            <dt>Location</dt>
            <dd>{user.profile.location}</dd>
          </>
        ) : null}
      </dl>
      {user.profile.bio ? <p className="admin-user__bio">{user.profile.bio}</p> : null}
    </section>
  );
}
