import { isCreatorTier, type UpgradeCreatorResponse } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { ErrorAlert, SuccessNotice } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { meQueryKey, useMe } from "../../auth/index.ts";
import { upgradeToCreator } from "../services/creatorApi.ts";

/**
 * The self-service, one-way upgrade from listener to creator. Hidden for anyone
 * already in the creator tier; explains itself (and links to a new verification email)
 * to an unverified listener.
 */
export function AccountSettingsCreatorCard() {
  const me = useMe().data;
  const queryClient = useQueryClient();
  const descriptionId = useId();
  const upgrade = useMutation({
    mutationFn: upgradeToCreator,
    // The role gates uploads across the app: reload the user rather than patch a copy.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });

  if (!me) return null;
  // Once upgraded the card stays to confirm it; otherwise creators never see it.
  if (isCreatorTier(me.role) && !upgrade.isSuccess) return null;

  return (
    <section className="card creator-card" aria-labelledby={`${descriptionId}-title`}>
      <h2 id={`${descriptionId}-title`}>Become an artist</h2>
      {upgrade.isSuccess ? (
        <UpgradeOutcome outcome={upgrade.data} />
      ) : (
        <>
          <div id={descriptionId}>
            <p>
              Turn your listener account into a creator account to upload tracks and publish them on your artist page.
            </p>
            <p className="creator-card__one-way">
              <strong>This change is one-way.</strong> You can't switch back to a listener account yourself; to undo it,
              contact support.
            </p>
            {me.isVerified ? null : (
              <p className="creator-card__unverified">
                Verify your email address first: follow the link we sent to <strong>{me.email}</strong>.{" "}
                <Link to="/verify-email/resend">Resend verification</Link>
              </p>
            )}
          </div>
          {upgrade.isError ? (
            <ErrorAlert>
              {errorMessage(upgrade.error, {
                EMAIL_NOT_VERIFIED: "Verify your email address before becoming an artist.",
              })}
            </ErrorAlert>
          ) : null}
          <button
            type="button"
            className="button"
            aria-describedby={descriptionId}
            disabled={!me.isVerified || upgrade.isPending}
            onClick={() => upgrade.mutate()}
          >
            {upgrade.isPending ? "Upgrading…" : "Become an artist"}
          </button>
        </>
      )}
    </section>
  );
}

function UpgradeOutcome({ outcome }: { outcome: UpgradeCreatorResponse }) {
  return (
    <SuccessNotice>
      {outcome.already_elevated ? (
        <p>Your account already has creator access, so nothing changed.</p>
      ) : (
        <p>You're now an artist. You can upload tracks and publish them on your artist page.</p>
      )}
    </SuccessNotice>
  );
}
