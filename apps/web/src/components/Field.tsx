import { type ReactNode, useId } from "react";

type FieldProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "url";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email";
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
};

/**
 * A labelled input whose hint and error are tied to it with aria-describedby, so a
 * screen reader announces them with the field and the error sits next to it.
 */
export function Field({ label, name, value, onChange, error, hint, multiline, required, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  const shared = {
    id,
    name,
    value,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };

  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? null : <span className="field__optional"> (optional)</span>}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          {...shared}
          rows={4}
          maxLength={input.maxLength}
          disabled={input.disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input {...shared} {...input} type={input.type ?? "text"} onChange={(event) => onChange(event.target.value)} />
      )}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
