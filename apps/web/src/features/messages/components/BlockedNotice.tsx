/**
 * Why there is no composer: I blocked them (and can undo it), or they blocked me (which
 * the server does not tell apart from the outside, and neither do we).
 */
export function BlockedNotice({ name, iBlocked }: { name: string; iBlocked: boolean }) {
  return (
    <div role="status" className="alert alert--warning blocked-notice">
      {iBlocked ? (
        <p>You blocked {name}. Neither of you can send messages in this conversation until you unblock them.</p>
      ) : (
        <p>You can't message {name}. New messages can't be sent in this conversation.</p>
      )}
    </div>
  );
}
