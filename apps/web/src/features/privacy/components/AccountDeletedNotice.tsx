import { HARD_DELETE_AFTER_DAYS } from "@stave/contracts";
import { useLocation } from "react-router";
import { SuccessNotice } from "../../../components/Alert.tsx";

/** Location state the home page receives after the account was deleted. */
export type AccountDeletedState = { accountDeleted: true };

function isAccountDeleted(state: unknown): state is AccountDeletedState {
  return typeof state === "object" && state !== null && "accountDeleted" in state && state.accountDeleted === true;
}

/** On the home page, right after deleting the account: it worked, and what still follows. */
export function AccountDeletedNotice() {
  const location = useLocation();
  if (!isAccountDeleted(location.state)) return null;
  return (
    <SuccessNotice>
      <p>
        Your account has been deleted and you've been signed out everywhere. The last traces are erased within{" "}
        {HARD_DELETE_AFTER_DAYS} days.
      </p>
    </SuccessNotice>
  );
}
