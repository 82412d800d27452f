import { useId } from "react";
import { LoadFailed } from "../../../components/Alert.tsx";
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
        {settings.isError ? <LoadFailed what="the settings" query={settings} /> : null}
        {settings.data ? <InstanceSettingsForm settings={settings.data} /> : null}
      </section>
      <InviteCodes />
    </>
  );
}
