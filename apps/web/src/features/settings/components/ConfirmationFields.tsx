import type { ReactNode } from "react";
import { Field } from "../../../components/Field.tsx";

interface ConfirmationFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
  hint?: ReactNode;
}

/**
 * The current password, asked again before a change to how the account signs in (a token,
 * two-factor, backup codes): one field, so password managers and screen readers meet it the
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

/** A code from the authenticator app (or a backup code), asked for the same kind of change. */
export function SecondFactorCodeField({ label = "Code from your app", hint, ...field }: ConfirmationFieldProps) {
  return <Field label={label} name="code" autoComplete="one-time-code" required hint={hint} {...field} />;
}
