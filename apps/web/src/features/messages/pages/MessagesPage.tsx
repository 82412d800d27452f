import { useState } from "react";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { useMe } from "../../auth/index.ts";
import { ConversationList } from "../components/ConversationList.tsx";
import { NewConversationForm } from "../components/NewConversationForm.tsx";
import { allConversations, useConversations } from "../hooks/useMessageQueries.ts";

/** /messages, behind RequireAuth: my conversations, kept current by the live connection. */
export function MessagesPage() {
  const me = useMe().data;
  const list = useConversations();
  const [writing, setWriting] = useState(false);
  const conversations = allConversations(list.data);

  return (
    <section className="page messages-page">
      <div className="page__title-row">
        <h1>Messages</h1>
        {writing ? null : (
          <button type="button" className="button" onClick={() => setWriting(true)}>
            New message
          </button>
        )}
      </div>
      {writing ? <NewConversationForm onCancel={() => setWriting(false)} /> : null}
      {list.isPending ? <p className="loading">Loading your conversations…</p> : null}
      {list.isError ? <LoadFailed what="your conversations" query={list} /> : null}
      {list.isSuccess && conversations.length === 0 ? (
        <p className="empty-state">No conversations yet. Start one with “New message”.</p>
      ) : null}
      {conversations.length > 0 && me ? <ConversationList conversations={conversations} myId={me.id} /> : null}
      <ShowMoreButton query={list} />
    </section>
  );
}
