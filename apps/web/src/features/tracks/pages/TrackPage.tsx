import type { Track } from "@stave/contracts";
import { Link, useParams } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { ApiError } from "../../../lib/api.ts";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDurationMs, formatPlayCount } from "../../../lib/time.ts";
import { visibilityLabels } from "../../../lib/visibility.ts";
import { PlayTrackButton } from "../../../player/PlayTrackButton.tsx";
import { useMe } from "../../auth/index.ts";
import { ReportButton, TakedownNotice } from "../../moderation/index.ts";
import { AddToPlaylistMenu } from "../../playlists/index.ts";
import { CommentMarkers, TrackComments, TrackSocialButtons } from "../../social/index.ts";
import { OwnerTools } from "../components/OwnerTools.tsx";
import { TrackWaveform } from "../components/TrackWaveform.tsx";
import { useTrack } from "../hooks/useTrackQueries.ts";

/** /tracks/:id: the track, its waveform and a Play button; its owner can edit or delete it. */
export function TrackPage() {
  const { id = "" } = useParams();
  const track = useTrack(id);

  if (track.isPending) return <p className="loading">Loading the track…</p>;
  if (track.isError) {
    if (track.error instanceof ApiError && track.error.code === "NOT_FOUND") {
      return (
        <section className="page">
          <h1>Track not found</h1>
          <p>
            This track doesn't exist, was deleted, or isn't public. <Link to="/">Go back home</Link>.
          </p>
        </section>
      );
    }
    return <LoadFailed what="this track" query={track} />;
  }
  return <TrackDetails track={track.data} />;
}

function TrackDetails({ track }: { track: Track }) {
  const me = useMe().data;
  const isOwner = me?.id === track.owner.id;

  return (
    <article className="page track-page">
      <div className="track-page__hero">
        <TrackArtwork artworkUrl={track.artworkUrl} size="large" alt={`Artwork of ${track.title}`} />
        <div className="track-page__heading">
          <h1>{track.title}</h1>
          <p className="track-page__creator">
            by <Link to={`/creators/${track.owner.username}`}>{creatorName(track.owner)}</Link>
          </p>
          {track.takedown ? <TakedownNotice takedown={track.takedown} noun="track" isOwner={isOwner} /> : null}
          <dl className="summary track-page__facts">
            <dt>Duration</dt>
            <dd>{formatDurationMs(track.durationMs)}</dd>
            <dt>Plays</dt>
            <dd>{formatPlayCount(track.playCount)}</dd>
            {track.genre ? (
              <>
                <dt>Genre</dt>
                <dd>{track.genre}</dd>
              </>
            ) : null}
            {track.license ? (
              <>
                <dt>License</dt>
                <dd>{track.license}</dd>
              </>
            ) : null}
            {isOwner ? (
              <>
                <dt>Visibility</dt>
                <dd>{visibilityLabels[track.visibility]}</dd>
              </>
            ) : null}
          </dl>
          <div className="track-page__actions">
            {track.status === "ready" ? (
              <PlayTrackButton tracks={[track]} index={0} className="button track-page__play" withText />
            ) : null}
            <AddToPlaylistMenu track={track} />
            <ReportButton
              subjectType="track"
              subjectId={track.id}
              ownerId={track.owner.id}
              ariaLabel="Report this track"
            />
          </div>
          <TrackSocialButtons track={track} variant="page" />
        </div>
      </div>
      <div className="waveform-frame">
        <TrackWaveform track={track} />
        <CommentMarkers track={track} />
      </div>
      {track.description ? <p className="track-page__description">{track.description}</p> : null}
      {track.tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {track.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      ) : null}
      {isOwner ? <OwnerTools track={track} /> : null}
      <TrackComments track={track} />
    </article>
  );
}
