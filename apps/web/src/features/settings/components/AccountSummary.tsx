import { useId } from "react";
import { Link } from "react-router";
import { roleLabels, useMe } from "../../auth/index.ts";

/** Who the account is: the facts a person cannot edit here. */
export function AccountSummary() {
  const me = useMe().data;
  const titleId = useId();
  if (!me) return null;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Account</h2>
      <dl className="summary">
        <dt>Username</dt>
        <dd>{me.username}</dd>
        <dt>Email</dt>
        <dd>
          {me.email}{" "}
          {me.isVerified ? (
            <span className="badge">Verified</span>
          ) : (
            <>
              <span className="badge badge--warning">Not verified</span>{" "}
              <Link to="/verify-email/resend">Resend verification email</Link>
            </>
          )}
        </dd>
        <dt>Account type</dt>
        <dd>{roleLabels[me.role]}</dd>
      </dl>
    </section>
  );
}
