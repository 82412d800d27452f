import type { CreatedToken, PersonalToken } from "@stave/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { fetchAccessTokens, revokeAccessToken } from "../services/tokensApi.ts";
import { tokenScopeLabels } from "./accessTokenLabels.ts";
import { CreateAccessTokenForm } from "./CreateAccessTokenForm.tsx";

export const accessTokensQueryKey = ["me", "tokens"] as const;

/** Personal access tokens for API clients and scripts: list, create (shown once), revoke. */
export function AccessTokens() {
  const titleId = useId();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: accessTokensQueryKey, queryFn: ({ signal }) => fetchAccessTokens(signal) });
  // Held here, not in the query cache: the secret is shown once, gone when dismissed.
  const [created, setCreated] = useState<CreatedToken>();

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Personal access tokens</h2>
      <p>
        For scripts and API clients: send one as <code>Authorization: Bearer …</code>. Changing your password or turning
        off two-factor authentication revokes them all.
      </p>
      {tokens.isPending ? <p className="loading">Loading tokens…</p> : null}
      {tokens.isError ? <LoadFailed what="your tokens" query={tokens} /> : null}
      {tokens.data && tokens.data.length === 0 ? <p>You have no tokens.</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <ul className="item-list" aria-labelledby={titleId}>
          {tokens.data.map((token) => (
            <TokenItem key={token.id} token={token} />
          ))}
        </ul>
      ) : null}
      {created ? (
        <NewTokenSecret token={created} onDone={() => setCreated(undefined)} />
      ) : (
        <CreateAccessTokenForm
          onCreated={(token) => {
            setCreated(token);
            void queryClient.invalidateQueries({ queryKey: accessTokensQueryKey });
          }}
        />
      )}
    </section>
  );
}

function NewTokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const titleId = useId();
  return (
    <section className="backup-codes" aria-labelledby={titleId}>
      <h3 id={titleId}>Your new token</h3>
      <p className="backup-codes__note">
        <strong>Copy this token now: you won't be able to see it again.</strong>
      </p>
      <p>
        <code>{token.token}</code>
      </p>
      <button type="button" className="button" onClick={onDone}>
        I've copied my token
      </button>
    </section>
  );
}

function TokenItem({ token }: { token: PersonalToken }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeAccessToken(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokensQueryKey }),
  });
  const scopes = token.scopes.map((scope) => tokenScopeLabels[scope].label).join(", ");

  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <p className="item-list__title">
          {token.name}
          {token.expired ? <span className="badge">Expired</span> : null}
        </p>
        <p className="item-list__meta">
          {scopes} · Created <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time> ·{" "}
          {token.lastUsedAt ? (
            <>
              Last used <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt)}</time>
            </>
          ) : (
            "Never used"
          )}{" "}
          ·{" "}
          {token.expiresAt ? (
            <>
              {token.expired ? "Expired" : "Expires"}{" "}
              <time dateTime={token.expiresAt}>{formatDateTime(token.expiresAt)}</time>
            </>
          ) : (
            "Never expires"
          )}
        </p>
        {revoke.isError ? <ErrorAlert>Couldn't revoke that token. {errorMessage(revoke.error)}</ErrorAlert> : null}
      </div>
      <button
        type="button"
        className="button button--secondary"
        aria-label={`Revoke ${token.name}`}
        disabled={revoke.isPending || revoke.isSuccess}
        onClick={() => revoke.mutate()}
      >
        {revoke.isPending ? "Revoking…" : "Revoke"}
      </button>
    </li>
  );
}
