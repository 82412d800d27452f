import type {
  FeedItem,
  FollowEntry,
  PlaylistSocial,
  Track,
  TrackComment,
  TrackSocial,
  UserProfile,
} from "@stave/contracts";
import { minutesAgo, mockId } from "../accounts/factories.ts";
import type { MockPlaylistsState } from "../playlists/state.ts";
import { toSummary } from "../tracks/factories.ts";
import type { MockTracksState } from "../tracks/state.ts";
import type { MockComment, MockFollow, MockPerson, MockPlaylistLike, MockRepost, MockTrackLike } from "./factories.ts";

type Person = Track["owner"];

/** What a mocked social API starts from. */
export type MockSocialSeed = {
  /** The tracks liked, reposted and commented on, and through them who is signed in. */
  tracks: MockTracksState;
  /** The playlists that can be liked. */
  playlists: MockPlaylistsState;
  likes?: MockTrackLike[];
  playlistLikes?: MockPlaylistLike[];
  reposts?: MockRepost[];
  comments?: MockComment[];
  follows?: MockFollow[];
  /** Bios and roles of people who are not mocked accounts (default: none). */
  people?: MockPerson[];
};

/** Why a repost was refused, as the server words it. */
export type RepostRefusal = "OWN_TRACK" | "NOT_PUBLIC";

const MODERATOR_ROLES = new Set(["admin", "moderator"]);

const newestFirst = <T extends { at: string }>(a: T, b: T) => b.at.localeCompare(a.at);
const isPublicReady = (track: Track) => track.status === "ready" && track.visibility === "public";

/** The mocked server's likes, reposts, comments and follows, presented as the real one presents them. */
export class MockSocialState {
  readonly tracks: MockTracksState;
  readonly playlists: MockPlaylistsState;
  likes: MockTrackLike[] = [];
  playlistLikes: MockPlaylistLike[] = [];
  reposts: MockRepost[] = [];
  comments: MockComment[] = [];
  follows: MockFollow[] = [];

  constructor(private readonly seed: MockSocialSeed) {
    this.tracks = seed.tracks;
    this.playlists = seed.playlists;
    this.reset();
  }

  reset(): void {
    this.likes = structuredClone(this.seed.likes ?? []);
    this.playlistLikes = structuredClone(this.seed.playlistLikes ?? []);
    this.reposts = structuredClone(this.seed.reposts ?? []);
    this.comments = structuredClone(this.seed.comments ?? []);
    this.follows = structuredClone(this.seed.follows ?? []);
  }

  get accounts() {
    return this.tracks.accounts;
  }

  get currentUserId(): string | null {
    return this.tracks.currentUserId;
  }

  /** A track the caller may see, as the server decides (404 otherwise). */
  visibleTrack(id: string): Track | undefined {
    const track = this.tracks.find(id);
    return track && this.tracks.canSee(track) ? track : undefined;
  }

  trackSocial(trackId: string, viewerId: string | null): TrackSocial {
    return {
      trackId,
      likeCount: this.likes.filter((like) => like.trackId === trackId).length,
      repostCount: this.reposts.filter((repost) => repost.trackId === trackId).length,
      commentCount: this.comments.filter((comment) => comment.trackId === trackId).length,
      viewer:
        viewerId === null
          ? null
          : {
              liked: this.likes.some((like) => like.trackId === trackId && like.userId === viewerId),
              reposted: this.reposts.some((repost) => repost.trackId === trackId && repost.user.id === viewerId),
            },
    };
  }

  setTrackLike(trackId: string, userId: string, liked: boolean): void {
    const has = this.likes.some((like) => like.trackId === trackId && like.userId === userId);
    if (liked && !has) this.likes.unshift({ trackId, userId, at: new Date().toISOString() });
    if (!liked) this.likes = this.likes.filter((like) => !(like.trackId === trackId && like.userId === userId));
  }

  /** Someone else's public, ready track only, as on the server. */
  setRepost(track: Track, user: Person, reposted: boolean): RepostRefusal | undefined {
    const matches = (repost: MockRepost) => repost.trackId === track.id && repost.user.id === user.id;
    if (!reposted) {
      this.reposts = this.reposts.filter((repost) => !matches(repost));
      return undefined;
    }
    if (track.owner.id === user.id) return "OWN_TRACK";
    if (!isPublicReady(track)) return "NOT_PUBLIC";
    if (!this.reposts.some(matches)) this.reposts.unshift({ trackId: track.id, user, at: new Date().toISOString() });
    return undefined;
  }

  playlistSocial(playlistId: string, viewerId: string | null): PlaylistSocial {
    const likes = this.playlistLikes.filter((like) => like.playlistId === playlistId);
    return {
      playlistId,
      likeCount: likes.length,
      viewer: viewerId === null ? null : { liked: likes.some((like) => like.userId === viewerId) },
    };
  }

  setPlaylistLike(playlistId: string, userId: string, liked: boolean): void {
    const matches = (like: MockPlaylistLike) => like.playlistId === playlistId && like.userId === userId;
    if (liked && !this.playlistLikes.some(matches)) {
      this.playlistLikes.unshift({ playlistId, userId, at: new Date().toISOString() });
    }
    if (!liked) this.playlistLikes = this.playlistLikes.filter((like) => !matches(like));
  }

  /** The tracks `userId` liked that they may still see, latest like first. */
  likedTracks(userId: string) {
    return this.likes
      .filter((like) => like.userId === userId)
      .sort(newestFirst)
      .flatMap((like) => {
        const track = this.visibleTrack(like.trackId);
        return track ? [{ likedAt: like.at, track: toSummary(track), social: this.trackSocial(track.id, userId) }] : [];
      });
  }

  likedPlaylists(userId: string) {
    return this.playlistLikes
      .filter((like) => like.userId === userId)
      .sort(newestFirst)
      .flatMap((like) => {
        const playlist = this.playlists.findVisible(like.playlistId, userId);
        return playlist
          ? [
              {
                likedAt: like.at,
                playlist: this.playlists.summaryOf(playlist, userId),
                social: this.playlistSocial(playlist.id, userId),
              },
            ]
          : [];
      });
  }

  /** Newest first. */
  commentsOn(trackId: string): TrackComment[] {
    const viewer = this.accounts.current?.me;
    const track = this.tracks.find(trackId);
    const isModerator = viewer !== undefined && MODERATOR_ROLES.has(viewer.role);
    return (
      this.comments
        .filter((comment) => comment.trackId === trackId)
        // A taken-down comment stays for its author (with the reason) and for moderators.
        .filter((comment) => !comment.takedown || isModerator || comment.author.id === viewer?.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((comment) => ({
          ...comment,
          // As the server: the author and the track's owner; moderators take down instead.
          canDelete: viewer !== undefined && (viewer.id === comment.author.id || viewer.id === track?.owner.id),
        }))
    );
  }

  addComment(trackId: string, author: Person, body: string, timestampMs: number | null): MockComment {
    const comment = { id: mockId(), trackId, author, body, timestampMs, createdAt: new Date().toISOString() };
    this.comments.unshift(comment);
    return comment;
  }

  removeComment(id: string): void {
    this.comments = this.comments.filter((comment) => comment.id !== id);
  }

  /** Everyone the mocked server knows by name: accounts, owners of tracks and playlists, followers, commenters. */
  person(username: string): Person | undefined {
    const wanted = username.toLowerCase();
    const account = this.accounts.users.find((user) => user.me.username === wanted)?.me;
    if (account) return { id: account.id, username: account.username, displayName: account.profile.displayName };
    const candidates: Person[] = [
      ...(this.seed.people ?? []).map((entry) => entry.person),
      ...this.tracks.tracks.map((track) => track.owner),
      ...this.playlists.playlists.map((playlist) => playlist.owner),
      ...this.follows.flatMap((follow) => [follow.follower, follow.followee]),
      ...this.reposts.map((repost) => repost.user),
      ...this.comments.map((comment) => comment.author),
    ];
    return candidates.find((candidate) => candidate.username === wanted);
  }

  followerCount(userId: string): number {
    return this.follows.filter((follow) => follow.followee.id === userId).length;
  }

  isFollowing(followerId: string, followeeId: string): boolean {
    return this.follows.some((follow) => follow.follower.id === followerId && follow.followee.id === followeeId);
  }

  profile(person: Person, viewerId: string | null): UserProfile {
    const account = this.accounts.findById(person.id)?.me;
    const extra = this.seed.people?.find((entry) => entry.person.id === person.id);
    const ownsTracks = this.tracks.tracks.some((track) => track.owner.id === person.id);
    return {
      ...person,
      bio: account?.profile.bio ?? extra?.bio ?? null,
      location: account?.profile.location ?? extra?.location ?? null,
      avatarUrl: null,
      role: account?.role ?? extra?.role ?? (ownsTracks ? "creator" : "user"),
      followerCount: this.followerCount(person.id),
      followingCount: this.follows.filter((follow) => follow.follower.id === person.id).length,
      trackCount: this.tracks.tracks.filter((track) => track.owner.id === person.id && isPublicReady(track)).length,
      createdAt: account?.createdAt ?? extra?.createdAt ?? minutesAgo(60 * 24 * 90),
      viewer:
        viewerId === null
          ? null
          : {
              following: viewerId !== person.id && this.isFollowing(viewerId, person.id),
              followsYou: viewerId !== person.id && this.isFollowing(person.id, viewerId),
            },
    };
  }

  setFollowing(follower: Person, followee: Person, following: boolean): void {
    const has = this.isFollowing(follower.id, followee.id);
    if (following && !has) this.follows.unshift({ follower, followee, at: new Date().toISOString() });
    if (!following) {
      this.follows = this.follows.filter(
        (follow) => !(follow.follower.id === follower.id && follow.followee.id === followee.id),
      );
    }
  }

  /** Who follows `person` (or whom they follow), latest first. */
  followsOf(person: Person, direction: "followers" | "following", viewerId: string | null): FollowEntry[] {
    return this.follows
      .filter((follow) => (direction === "followers" ? follow.followee : follow.follower).id === person.id)
      .sort(newestFirst)
      .map((follow) => {
        const user = direction === "followers" ? follow.follower : follow.followee;
        return {
          user: { ...user, followerCount: this.followerCount(user.id) },
          followedAt: follow.at,
          viewer: viewerId === null ? null : { following: this.isFollowing(viewerId, user.id) },
        };
      });
  }

  /**
   * The home feed: new tracks and reposts by the people I follow, newest first, each track
   * once at its latest event; then the other public tracks, most popular first.
   */
  feed(viewerId: string): FeedItem[] {
    const followed = new Set(
      this.follows.filter((follow) => follow.follower.id === viewerId).map((follow) => follow.followee.id),
    );
    const publicTracks = this.tracks.tracks.filter(isPublicReady);
    const events: Omit<FeedItem, "social">[] = [
      ...publicTracks
        .filter((track) => followed.has(track.owner.id))
        .map((track) => ({
          reason: "new_track" as const,
          at: track.createdAt,
          track: toSummary(track),
          repostedBy: null,
        })),
      ...this.reposts.flatMap((repost) => {
        const track = publicTracks.find((candidate) => candidate.id === repost.trackId);
        if (!track || !followed.has(repost.user.id)) return [];
        return [{ reason: "repost" as const, at: repost.at, track: toSummary(track), repostedBy: repost.user }];
      }),
    ].sort(newestFirst);
    const shown = new Set<string>();
    const fromFollowed = events.filter((event) => {
      if (shown.has(event.track.id)) return false;
      shown.add(event.track.id);
      return true;
    });
    const popularity = (track: Track) => {
      const social = this.trackSocial(track.id, null);
      return track.playCount + 10 * social.likeCount + 20 * social.repostCount;
    };
    const popular = publicTracks
      .filter((track) => !shown.has(track.id))
      .sort((a, b) => popularity(b) - popularity(a) || b.createdAt.localeCompare(a.createdAt))
      .map((track) => ({
        reason: "popular" as const,
        at: track.createdAt,
        track: toSummary(track),
        repostedBy: null,
      }));
    return [...fromFollowed, ...popular].map((item) => ({
      ...item,
      social: this.trackSocial(item.track.id, viewerId),
    }));
  }
}
