import { useId } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { InstanceSettingsForm } from "../components/InstanceSettingsForm.tsx";
import { InviteCodes } from "../components/InviteCodes.tsx";
import { useInstanceSettings } from "../hooks/useAdminQueries.ts";

/** /admin/settings: the instance's settings and its invite codes. */
export function InstanceSettingsTab() {
  const titleId = useId();
  const settings = useInstanceSettings();
  return (
    <>
      <section className="card" aria-labelledby={titleId}>
        <h2 id={titleId}>Instance settings</h2>
        {settings.isPending ? <p className="loading">Loading the settings…</p> : null}
        {settings.isError ? (
          <ErrorAlert>
            <p>We couldn't load the settings. {errorMessage(settings.error)}</p>
            <button type="button" className="button button--secondary" onClick={() => void settings.refetch()}>
              Try again
            </button>
          </ErrorAlert>
        ) : null}
        {settings.data ? <InstanceSettingsForm settings={settings.data} /> : null}
      </section>
      <InviteCodes />
    </>
  );
}
