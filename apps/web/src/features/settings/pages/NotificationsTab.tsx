import { BlockedPeople } from "../../messages/components/BlockedPeople.tsx";
import { EmailNotificationSettings } from "../../notifications/components/EmailNotificationSettings.tsx";

export function NotificationsTab() {
  return (
    <>
      <EmailNotificationSettings />
      <BlockedPeople />
    </>
  );
}
