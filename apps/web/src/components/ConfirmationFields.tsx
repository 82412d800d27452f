import type { ReactNode } from "react";
import { Field } from "./Field.tsx";

interface ConfirmationFieldProps {
  /** The form's own name for it, where that is not "password" / "code". */
  name?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
  hint?: ReactNode;
  /** "numeric" where only the app's six digits will do, not a backup code. */
  inputMode?: "text" | "numeric";
}

/**
 * The current password, to sign in or asked again before a change to how the account signs in
 * (a token, two-factor, backup codes, deleting it): one field, so password managers and screen readers meet it the
 * same way in every form.
 */
export function CurrentPasswordField({ label = "Your password", hint, ...field }: ConfirmationFieldProps) {
  return (
    <Field
      label={label}
      name="password"
      type="password"
      autoComplete="current-password"
      required
      hint={hint}
      {...field}
    />
  );
}

/** A code from the authenticator app (or a backup code), to sign in or for the same kind of change. */
export function SecondFactorCodeField({ label = "Code from your app", hint, ...field }: ConfirmationFieldProps) {
  return <Field label={label} name="code" autoComplete="one-time-code" required hint={hint} {...field} />;
}
