import { type CreatedToken, type TokenScope, tokenScopes } from "@stave/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { CurrentPasswordField, SecondFactorCodeField } from "../../../components/ConfirmationFields.tsx";
import { Field } from "../../../components/Field.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { type FieldErrors, useForm } from "../../../lib/forms.ts";
import { isCodeShaped, useMe, wrongCodeMessages } from "../../auth/index.ts";
import { createAccessToken } from "../services/tokensApi.ts";
import { tokenLifetimes, tokenScopeLabels } from "./accessTokenLabels.ts";

const fields = ["name", "scopes", "password", "code"] as const;
type FormField = (typeof fields)[number];

/** Only these roles reach admin or moderator routes, so only they are offered the admin scope. */
const staffRoles = new Set(["admin", "moderator"]);

/**
 * A new token: a name, what it may do, how long it lives, and a confirmation: the password,
 * or with two-factor on a code from the app (the server refuses the password alone then, so
 * a stolen session and password cannot mint a token).
 */
export function CreateAccessTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const me = useMe().data;
  const id = useId();
  const create = useMutation({ mutationFn: createAccessToken, onSuccess: onCreated });
  const twoFactorOn = me?.twoFactorEnabled ?? false;
  const form = useForm({
    fields,
    initialValues: {
      name: "",
      // Read and write: what most scripts need; upload and admin are opt-in.
      scopes: new Set<TokenScope>(["read", "write"]),
      lifetime: 90 as number | null,
      password: "",
      code: "",
    },
    submitError: create.error,
    codeFields: {
      PASSWORD_INCORRECT: "password",
      INVALID_TWO_FACTOR_CODE: "code",
      REAUTH_REQUIRED: twoFactorOn ? "code" : "password",
    },
    messages: { ...wrongCodeMessages, PASSWORD_INCORRECT: "Your password is incorrect." },
  });
  const { errors } = form;
  const { name, scopes, lifetime, password, code } = form.values;
  const offered = tokenScopes.filter((scope) => scope !== "admin" || staffRoles.has(me?.role ?? ""));

  const toggle = (scope: TokenScope, on: boolean) => {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    form.setValue("scopes", next);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmedCode = code.replace(/\s+/g, "");
    const nextErrors: FieldErrors<FormField> = {};
    if (!name.trim()) nextErrors.name = "Give the token a name, such as the script that will use it";
    if (scopes.size === 0) nextErrors.scopes = "Choose at least one permission";
    // Every admin route is read with GET: admin alone would make a token refused everywhere.
    else if (scopes.has("admin") && !scopes.has("read")) nextErrors.scopes = "Admin needs Read too: choose both";
    if (twoFactorOn) {
      if (!isCodeShaped(trimmedCode)) nextErrors.code = "Enter a code from your authenticator app or a backup code";
    } else if (!password) {
      nextErrors.password = "Enter your password";
    }
    if (!form.check(nextErrors)) return;
    create.mutate({
      name: name.trim(),
      scopes: tokenScopes.filter((scope) => scopes.has(scope)),
      ...(lifetime !== null && { expiresInDays: lifetime }),
      ...(twoFactorOn ? { code: trimmedCode } : { password }),
    });
  }

  return (
    <form className="form form--inline-section" onSubmit={onSubmit} noValidate aria-label="New access token">
      <h3>New token</h3>
      {form.failedOutsideFields ? (
        <ErrorAlert>Couldn't create the token. {errorMessage(create.error)}</ErrorAlert>
      ) : null}
      <Field label="Name" required maxLength={80} {...form.field("name")} />
      <fieldset className="checkbox-group" aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
        <legend>Permissions</legend>
        {offered.map((scope) => (
          <div key={scope} className="checkbox-group__option">
            {/* The hint is outside the label: the checkbox is named "Read", described by its hint. */}
            <label>
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.has(scope)}
                aria-invalid={errors.scopes ? true : undefined}
                aria-describedby={[`${id}-${scope}-hint`, errors.scopes ? `${id}-scopes-error` : undefined]
                  .filter(Boolean)
                  .join(" ")}
                onChange={(event) => toggle(scope, event.target.checked)}
              />
              {tokenScopeLabels[scope].label}
            </label>
            <span id={`${id}-${scope}-hint`} className="field__hint">
              {tokenScopeLabels[scope].hint}
            </span>
          </div>
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
          onChange={(event) =>
            form.setValue("lifetime", event.target.value === "never" ? null : Number(event.target.value))
          }
        >
          {tokenLifetimes.map((option) => (
            <option key={option.label} value={option.days === null ? "never" : String(option.days)}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {twoFactorOn ? (
        <SecondFactorCodeField hint="To confirm it is you. Or one of your backup codes." {...form.field("code")} />
      ) : (
        <CurrentPasswordField hint="To confirm it is you." {...form.field("password")} />
      )}
      <FormActions submitLabel="Create token" pendingLabel="Creating…" pending={create.isPending} />
    </form>
  );
}
