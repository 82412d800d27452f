import { AccountSettingsCreatorCard } from "../components/AccountSettingsCreatorCard.tsx";
import { AccountSummary } from "../components/AccountSummary.tsx";
import { ProfileForm } from "../components/ProfileForm.tsx";

export function AccountTab() {
  return (
    <>
      <AccountSummary />
      <AccountSettingsCreatorCard />
      <ProfileForm />
    </>
  );
}
