import type { Conversation } from "@stave/contracts";
import { useNavigate } from "react-router";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { useSetBlocked } from "../hooks/useBlocks.ts";
import { useDeleteConversation } from "../hooks/useMessageQueries.ts";
import { personName } from "../messageText.ts";

/** Block or unblock the other person, and delete my copy of the conversation: each asks first. */
export function ThreadActions({ conversation, iBlocked }: { conversation: Conversation; iBlocked: boolean }) {
  const name = personName(conversation.with);
  const { username } = conversation.with;
  const setBlocked = useSetBlocked();
  const remove = useDeleteConversation(conversation.id);
  const navigate = useNavigate();

  return (
    <div className="thread-actions">
      {iBlocked ? (
        <ConfirmAction
          label="Unblock"
          question={`Unblock ${name}? You'll be able to message each other again.`}
          confirmLabel={`Unblock ${name}`}
          pendingLabel="Unblocking…"
          danger={false}
          pending={setBlocked.isPending}
          error={setBlocked.error}
          onConfirm={(done) => setBlocked.mutate({ username, block: false }, { onSuccess: done })}
        />
      ) : (
        <ConfirmAction
          label="Block"
          question={`Block ${name}? Neither of you will be able to message the other, you won't see their comments and they won't notify you. They aren't told.`}
          confirmLabel={`Block ${name}`}
          pendingLabel="Blocking…"
          pending={setBlocked.isPending}
          error={setBlocked.error}
          onConfirm={(done) => setBlocked.mutate({ username, block: true }, { onSuccess: done })}
        />
      )}
      <ConfirmAction
        label="Delete conversation"
        question={`Delete your copy of this conversation? ${name} keeps theirs, and a new message from them starts it again.`}
        confirmLabel="Delete my copy"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate("/messages", { replace: true }) })}
      />
    </div>
  );
}
