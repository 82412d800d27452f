import { emailRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { fieldErrorsFromApi, validate } from "../../../lib/forms.ts";

type Props = {
  /** Names the form for assistive technology. */
  label: string;
  submitLabel: string;
  initialEmail?: string;
  /** Sends the request; resolves with the server's message. */
  send: (email: string) => Promise<string>;
};

/**
 * "Type your email, we'll mail you a link" — the server answers alike whether or not
 * the address has an account, so the form shows that answer as it is.
 */
export function EmailRequestForm({ label, submitLabel, initialEmail = "", send }: Props) {
  const [email, setEmail] = useState(initialEmail);
  const [clientError, setClientError] = useState<string>();
  const request = useMutation({ mutationFn: send });
  const serverError = fieldErrorsFromApi(request.error, ["email"] as const).email;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(emailRequestSchema, { email }, ["email"] as const);
    setClientError(checked.ok ? undefined : checked.fieldErrors.email);
    if (checked.ok) request.mutate(checked.data.email);
  }

  if (request.isSuccess) {
    return (
      <SuccessNotice>
        <p>{request.data}</p>
      </SuccessNotice>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={label}>
      {request.isError && serverError === undefined ? <ErrorAlert>{errorMessage(request.error)}</ErrorAlert> : null}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={setEmail}
        error={clientError ?? serverError}
      />
      <button type="submit" className="button" disabled={request.isPending}>
        {request.isPending ? "Sending…" : submitLabel}
      </button>
    </form>
  );
}
