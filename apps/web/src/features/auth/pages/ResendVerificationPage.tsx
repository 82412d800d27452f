import { Link } from "react-router";
import { EmailRequestForm } from "../components/EmailRequestForm.tsx";
import { resendVerificationEmail } from "../services/authApi.ts";
import { useMe } from "../useMe.ts";

export function ResendVerificationPage() {
  const me = useMe();
  return (
    <section className="page page--narrow">
      <h1>Resend the verification email</h1>
      <p>
        Enter the address you signed up with and we'll send a new verification link. Links from earlier emails stop
        working.
      </p>
      {/* Keyed so the signed-in address fills the form once the session is known. */}
      <EmailRequestForm
        key={me.data?.email ?? ""}
        initialEmail={me.data?.email ?? ""}
        label="Resend verification email"
        submitLabel="Send verification link"
        send={resendVerificationEmail}
      />
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
