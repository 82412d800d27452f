import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useLinkToken } from "../linkToken.ts";
import { verifyEmail } from "../services/authApi.ts";
import { meQueryKey, useMe } from "../useMe.ts";

/** Where the link in the verification email lands: `/verify-email#token=…` (see useLinkToken). */
export function VerifyEmailPage() {
  const token = useLinkToken();
  const me = useMe();
  const queryClient = useQueryClient();
  const verification = useMutation({
    mutationFn: verifyEmail,
    // A signed-in reader's "verified" flag (and what it unlocks) changes now.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  const { mutate } = verification;
  // Tokens are single-use: send this one once, even when React runs effects twice.
  const sentToken = useRef<string>(undefined);

  // Wait for the session check: a signed-in browser must send the CSRF token it loads.
  const sessionKnown = !me.isPending;
  useEffect(() => {
    if (!token || !sessionKnown || sentToken.current === token) return;
    sentToken.current = token;
    mutate(token);
  }, [token, sessionKnown, mutate]);

  return (
    <section className="page page--narrow">
      <h1>Verify your email</h1>
      {!token ? (
        <ErrorAlert>
          <p>
            This link is missing its verification code. Open the link from the email again, or{" "}
            <Link to="/verify-email/resend">send a new link</Link>.
          </p>
        </ErrorAlert>
      ) : verification.isSuccess ? (
        <SuccessNotice>
          <p>Your email address is verified.</p>
          <p>{me.data ? <Link to="/settings">Go to your settings</Link> : <Link to="/login">Sign in</Link>}</p>
        </SuccessNotice>
      ) : verification.isError ? (
        <ErrorAlert>
          <p>
            {errorMessage(verification.error, {
              INVALID_TOKEN: "This verification link has expired or has already been used.",
            })}
          </p>
          <p>
            <Link to="/verify-email/resend">Send a new verification link</Link>
          </p>
        </ErrorAlert>
      ) : (
        <p role="status">Verifying your email address…</p>
      )}
    </section>
  );
}
