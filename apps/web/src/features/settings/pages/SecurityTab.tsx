import { AccessTokens } from "../components/AccessTokens.tsx";
import { PasswordChangeForm } from "../components/PasswordChangeForm.tsx";
import { SecurityEvents } from "../components/SecurityEvents.tsx";
import { SessionsList } from "../components/SessionsList.tsx";
import { TwoFactorSettings } from "../components/TwoFactorSettings.tsx";

export function SecurityTab() {
  return (
    <>
      <PasswordChangeForm />
      <TwoFactorSettings />
      <SessionsList />
      <AccessTokens />
      <SecurityEvents />
    </>
  );
}
