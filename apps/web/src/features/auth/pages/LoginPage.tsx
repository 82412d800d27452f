import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { PasswordLoginForm } from "../components/PasswordLoginForm.tsx";
import type { ReturnTo } from "../components/RequireAuth.tsx";
import { TwoFactorLoginForm } from "../components/TwoFactorLoginForm.tsx";
import type { SessionStarted } from "../services/authApi.ts";
import { startSession } from "../session.ts";
import { useMe } from "../useMe.ts";

export function LoginPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [challenge, setChallenge] = useState<string>();

  // Signed in (now, or already): go where the person was heading.
  if (me.data) {
    const from = (location.state as ReturnTo | null)?.from;
    return <Navigate to={isInAppPath(from) ? from : "/"} replace />;
  }

  const onSignedIn = (session: SessionStarted) => startSession(queryClient, session);

  return (
    <section className="page page--narrow">
      <h1>Sign in</h1>
      {challenge === undefined ? (
        <PasswordLoginForm onSignedIn={onSignedIn} onTwoFactorRequired={setChallenge} />
      ) : (
        <TwoFactorLoginForm challenge={challenge} onSignedIn={onSignedIn} onStartOver={() => setChallenge(undefined)} />
      )}
      <p>
        New here? <Link to="/register">Create an account</Link>.
      </p>
    </section>
  );
}

/** Only our own paths: never "//elsewhere.example", which a browser reads as another site. */
function isInAppPath(path: string | undefined): path is string {
  return path?.startsWith("/") === true && !path.startsWith("//");
}
