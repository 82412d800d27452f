import { emailRequestSchema } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useForm } from "../../../lib/forms.ts";

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
  const request = useMutation({ mutationFn: send });
  const form = useForm({
    fields: ["email"] as const,
    initialValues: { email: initialEmail },
    submitError: request.error,
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = form.validate(emailRequestSchema, form.values);
    if (checked) request.mutate(checked.email);
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
      {form.failedOutsideFields ? <ErrorAlert>{errorMessage(request.error)}</ErrorAlert> : null}
      <Field label="Email" type="email" autoComplete="email" required {...form.field("email")} />
      <button type="submit" className="button" disabled={request.isPending}>
        {request.isPending ? "Sending…" : submitLabel}
      </button>
    </form>
  );
}
