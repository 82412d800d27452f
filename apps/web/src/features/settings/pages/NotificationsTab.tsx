import { BlockedPeople } from "../../messages/index.ts";
import { EmailNotificationSettings } from "../../notifications/index.ts";

export function NotificationsTab() {
  return (
    <>
      <EmailNotificationSettings />
      <BlockedPeople />
    </>
  );
}
