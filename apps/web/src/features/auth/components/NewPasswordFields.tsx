import { PASSWORD_MIN_LENGTH } from "@stave/contracts";
import { Field } from "../../../components/Field.tsx";
import { bindField, type FieldErrors } from "../../../lib/forms.ts";

export type NewPasswordValues = { newPassword: string; confirmPassword: string };
export type NewPasswordField = keyof NewPasswordValues;

/**
 * The check the contract cannot make, since only the form has the confirmation:
 * `message` when the two entries differ, else undefined.
 */
export function confirmationError(
  values: NewPasswordValues,
  message = "The passwords don't match",
): string | undefined {
  return values.confirmPassword === values.newPassword ? undefined : message;
}

type NewPasswordFieldsProps = {
  values: NewPasswordValues;
  onChange: (field: NewPasswordField, value: string) => void;
  errors: FieldErrors<NewPasswordField>;
  /** Said after the length rule in the new password's hint, e.g. what changing it does. */
  hintNote?: string;
};

/** "New password" and "Confirm new password", as every form that sets a password asks for them. */
export function NewPasswordFields({ values, onChange, errors, hintNote }: NewPasswordFieldsProps) {
  const lengthRule = `At least ${PASSWORD_MIN_LENGTH} characters.`;
  return (
    <>
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={hintNote ? `${lengthRule} ${hintNote}` : lengthRule}
        {...bindField(values, onChange, errors, "newPassword")}
      />
      <Field
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        {...bindField(values, onChange, errors, "confirmPassword")}
      />
    </>
  );
}
