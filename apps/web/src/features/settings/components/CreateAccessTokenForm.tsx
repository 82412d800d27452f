import { type CreatedToken, type TokenScope, tokenScopes } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { Field } from "../../../components/Field.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, fieldErrorsFromApi, hasFieldErrors } from "../../../lib/forms.ts";
import { useMe } from "../../auth/useMe.ts";
import { createAccessToken } from "../services/tokensApi.ts";
import { tokenLifetimes, tokenScopeLabels } from "./accessTokenLabels.ts";
import { isCodeShaped, wrongCodeMessages } from "./twoFactorCodes.ts";

const fields = ["name", "scopes", "password", "code"] as const;
type FormField = (typeof fields)[number];

/** Only these roles reach admin or moderator routes, so only they are offered the admin scope. */
const staffRoles = new Set(["admin", "moderator"]);

/** A new token: a name, what it may do, how long it lives, and the password (or a 2FA code) to confirm. */
export function CreateAccessTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const me = useMe().data;
  const id = useId();
  const [name, setName] = useState("");
  // Read and write: what most scripts need; upload and admin are opt-in.
  const [scopes, setScopes] = useState<Set<TokenScope>>(new Set(["read", "write"]));
  const [lifetime, setLifetime] = useState<number | null>(90);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors<FormField>>({});
  const create = useMutation({ mutationFn: createAccessToken, onSuccess: onCreated });
  const serverErrors = fieldErrorsFromApi(
    create.error,
    fields,
    { PASSWORD_INCORRECT: "password", INVALID_TWO_FACTOR_CODE: "code", REAUTH_REQUIRED: "password" },
    { ...wrongCodeMessages, PASSWORD_INCORRECT: "Your password is incorrect." },
  );
  const errors = { ...serverErrors, ...clientErrors };
  const offered = tokenScopes.filter((scope) => scope !== "admin" || staffRoles.has(me?.role ?? ""));
  const twoFactorOn = me?.twoFactorEnabled ?? false;

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmedCode = code.replace(/\s+/g, "");
    const nextErrors: FieldErrors<FormField> = {};
    if (!name.trim()) nextErrors.name = "Give the token a name, such as the script that will use it";
    if (scopes.size === 0) nextErrors.scopes = "Choose at least one permission";
    if (!password && !trimmedCode) {
      nextErrors.password = twoFactorOn ? "Enter your password or a code from your app" : "Enter your password";
    } else if (trimmedCode && !isCodeShaped(trimmedCode)) {
      nextErrors.code = "Enter a code from your authenticator app";
    }
    setClientErrors(nextErrors);
    if (hasFieldErrors(nextErrors)) return;
    create.mutate({
      name: name.trim(),
      scopes: tokenScopes.filter((scope) => scopes.has(scope)),
      ...(lifetime !== null && { expiresInDays: lifetime }),
      ...(password && { password }),
      ...(trimmedCode && { code: trimmedCode }),
    });
  }

  return (
    <form className="form form--inline-section" onSubmit={onSubmit} noValidate aria-label="New access token">
      <h3>New token</h3>
      {create.isError && !hasFieldErrors(serverErrors) ? (
        <ErrorAlert>Couldn't create the token. {errorMessage(create.error)}</ErrorAlert>
      ) : null}
      <Field label="Name" name="name" required maxLength={80} value={name} onChange={setName} error={errors.name} />
      <fieldset className="checkbox-group" aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
        <legend>Permissions</legend>
        {offered.map((scope) => (
          <label key={scope} className="checkbox-group__option">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              checked={scopes.has(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            {tokenScopeLabels[scope].label} <span className="field__hint">{tokenScopeLabels[scope].hint}</span>
          </label>
        ))}
        {errors.scopes ? (
          <p id={`${id}-scopes-error`} className="field__error">
            {errors.scopes}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-lifetime`} className="field__label">
          Expires after
        </label>
        <select
          id={`${id}-lifetime`}
          value={lifetime === null ? "never" : String(lifetime)}
          onChange={(event) => setLifetime(event.target.value === "never" ? null : Number(event.target.value))}
        >
          {tokenLifetimes.map((option) => (
            <option key={option.label} value={option.days === null ? "never" : String(option.days)}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        required={!twoFactorOn}
        hint={twoFactorOn ? "Or a code from your app below." : "To confirm it is you."}
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      {twoFactorOn ? (
        <Field
          label="Code from your app"
          name="code"
          autoComplete="one-time-code"
          hint="Or one of your backup codes."
          value={code}
          onChange={setCode}
          error={errors.code}
        />
      ) : null}
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
