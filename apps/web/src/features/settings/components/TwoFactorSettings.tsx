import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { SuccessNotice } from "../../../components/Alert.tsx";
import { meQueryKey, useMe } from "../../auth/useMe.ts";
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

  if (!me) return null;
  const refreshAccount = () => {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void queryClient.invalidateQueries({ queryKey: securityEventsQueryKey });
    // Turning two-factor off revokes every token and signs out the other sessions.
    void queryClient.invalidateQueries({ queryKey: accessTokensQueryKey });
    void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
  };

  let body: ReactNode;
  if (backupCodes) {
    body = <BackupCodes codes={backupCodes} onDone={() => setBackupCodes(undefined)} />;
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
