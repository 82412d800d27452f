import { Link } from "react-router";
import { EmailRequestForm } from "../components/EmailRequestForm.tsx";
import { requestPasswordReset } from "../services/authApi.ts";

export function ForgotPasswordPage() {
  return (
    <section className="page page--narrow">
      <h1>Reset your password</h1>
      <p>Enter the email address of your account and we'll send you a link to choose a new password.</p>
      <EmailRequestForm label="Request a password reset" submitLabel="Send reset link" send={requestPasswordReset} />
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
