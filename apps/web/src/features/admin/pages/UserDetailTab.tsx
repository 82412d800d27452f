import { Link, useParams } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ApiError } from "../../../lib/api.ts";
import { StorageCard } from "../components/StorageCard.tsx";
import { UserAccountCard } from "../components/UserAccountCard.tsx";
import { UserActions } from "../components/UserActions.tsx";
import { UserSessionsList } from "../components/UserSessionsList.tsx";
import { UserTracksTable } from "../components/UserTracksTable.tsx";
import { useAdminUser } from "../hooks/useAdminQueries.ts";

/** /admin/users/:id: one account, what is in it, and what an admin can do to it. */
export function UserDetailTab() {
  const { id = "" } = useParams();
  const user = useAdminUser(id);

  return (
    <section className="admin-user" aria-labelledby="admin-user-heading">
      <p>
        <Link to="/admin/users">← All users</Link>
      </p>
      {user.isPending ? <p className="loading">Loading the user…</p> : null}
      {user.isError ? (
        user.error instanceof ApiError && user.error.code === "NOT_FOUND" ? (
          <h2 id="admin-user-heading">User not found</h2>
        ) : (
          <LoadFailed what="this user" query={user} />
        )
      ) : null}
      {user.data ? (
        <>
          <h2 id="admin-user-heading">
            {user.data.username}
            {user.data.displayName ? <span className="page__subtitle"> {user.data.displayName}</span> : null}
          </h2>
          <UserAccountCard user={user.data} />
          <UserActions user={user.data} />
          <StorageCard user={user.data} />
          <UserTracksTable user={user.data} />
          <UserSessionsList user={user.data} />
        </>
      ) : null}
    </section>
  );
}
