import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { SuccessNotice } from "../../../components/Alert.tsx";
import { meQueryKey, useMe } from "../../auth/index.ts";
import { accessTokensQueryKey } from "./AccessTokens.tsx";
import { BackupCodes } from "./BackupCodes.tsx";
import { securityEventsQueryKey } from "./SecurityEvents.tsx";
import { sessionsQueryKey } from "./SessionsList.tsx";
import { TwoFactorManage } from "./TwoFactorManage.tsx";
import { TwoFactorSetup } from "./TwoFactorSetup.tsx";

export function TwoFactorSettings() {
  const me = useMe().data;
  const queryClient = useQueryClient();
  const titleId = useId();
  // Held here, not in the query cache: shown once, gone when dismissed.
  const [backupCodes, setBackupCodes] = useState<string[]>();
  const [justDisabled, setJustDisabled] = useState(false);
  const [justEnabled, setJustEnabled] = useState(false);

  if (!me) return null;
  const refreshAccount = () => {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void queryClient.invalidateQueries({ queryKey: securityEventsQueryKey });
    // Turning two-factor on or off revokes every token and signs out the other sessions.
    void queryClient.invalidateQueries({ queryKey: accessTokensQueryKey });
    void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
  };

  // Someone who turns two-factor on may suspect an intruder: say what was closed to them.
  const enabledNotice = justEnabled ? (
    <SuccessNotice>
      <p>
        Two-factor authentication is now on. Your other sessions were signed out and your personal access tokens were
        revoked: sign in again on your other devices, and create new tokens if you need them.
      </p>
    </SuccessNotice>
  ) : null;

  let body: ReactNode;
  if (backupCodes) {
    body = (
      <>
        {enabledNotice}
        <BackupCodes
          codes={backupCodes}
          onDone={() => {
            setBackupCodes(undefined);
            setJustEnabled(false);
          }}
        />
      </>
    );
  } else if (me.twoFactorEnabled) {
    body = (
      <TwoFactorManage
        onBackupCodes={(codes) => {
          setBackupCodes(codes);
          refreshAccount();
        }}
        onDisabled={() => {
          setJustDisabled(true);
          refreshAccount();
        }}
      />
    );
  } else {
    body = (
      <>
        {justDisabled ? (
          <SuccessNotice>
            <p>Two-factor authentication is now off.</p>
          </SuccessNotice>
        ) : null}
        <TwoFactorSetup
          onEnabled={(codes) => {
            setJustDisabled(false);
            setJustEnabled(true);
            setBackupCodes(codes);
            refreshAccount();
          }}
        />
      </>
    );
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Two-factor authentication</h2>
      {body}
    </section>
  );
}
