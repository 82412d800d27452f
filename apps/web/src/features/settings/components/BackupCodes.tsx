import { useId } from "react";

type Props = { codes: string[]; onDone: () => void };

/** New backup codes, shown this once: the server keeps only their hashes. */
export function BackupCodes({ codes, onDone }: Props) {
  const titleId = useId();
  return (
    <section className="backup-codes" aria-labelledby={titleId}>
      <h3 id={titleId}>Your backup codes</h3>
      <p className="backup-codes__note">
        <strong>Save these codes now: you won't be able to see them again.</strong> Store them somewhere safe, such as a
        password manager. If you lose your authenticator app, each code signs you in once.
      </p>
      <ul className="backup-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onDone}>
        I've saved my backup codes
      </button>
    </section>
  );
}
