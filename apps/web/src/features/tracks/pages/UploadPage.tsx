import { isCreatorTier } from "@stave/contracts";
import { Link } from "react-router";
import { useMe } from "../../auth/index.ts";
import { TrackUploader } from "../components/TrackUploader.tsx";

/** /upload, behind RequireAuth: the uploader for the creator tier, an explanation for listeners. */
export function UploadPage() {
  const me = useMe().data;
  if (!me) return null;

  return (
    <section className="page upload-page">
      <h1>Upload tracks</h1>
      {isCreatorTier(me.role) ? (
        <>
          <p>
            Add your audio files, give them artwork and details, and upload. Stave prepares each one for streaming; your
            tracks appear in <Link to="/me/tracks">My tracks</Link> as they're ready.
          </p>
          <TrackUploader />
        </>
      ) : (
        <div className="card">
          <h2>Uploading is for creators</h2>
          <p>
            Your account is a listener account. Turn it into a creator account to upload tracks and publish them on your
            artist page; it takes one click in your settings.
          </p>
          <Link to="/settings" className="button">
            Become a creator in Settings
          </Link>
        </div>
      )}
    </section>
  );
}
