import type { ColumnType, Generated } from "kysely";

/**
 * The database as Kysely sees it. Each migration that adds a table adds its interface
 * here; column names are the SQL ones (snake_case).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type JobState = "queued" | "running" | "succeeded" | "dead";

export interface JobsTable {
  id: Generated<string>;
  name: string;
  payload: Json<unknown>;
  state: Generated<JobState>;
  attempts: Generated<number>;
  max_attempts: number | null;
  run_at: Timestamp;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
  /** Jobs sharing a key count against their type's `concurrencyPerKey` (0014). */
  concurrency_key: Generated<string | null>;
}

export interface UploadReservationsTable {
  upload_id: string;
  owner_id: string;
  bytes: number;
  created_at: Generated<Date>;
}

export interface CronSchedulesTable {
  name: string;
  last_scheduled_at: Date;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  sent_at: Date | null;
  created_at: Timestamp;
}

export type Role = "user" | "creator" | "premium" | "moderator" | "admin" | "artist" | "producer" | "label";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  username: string;
  password_hash: string | null;
  role: Generated<Role>;
  is_verified: Generated<boolean>;
  verified_at: Date | null;
  promoted_to_creator_at: Date | null;
  two_factor_enabled: Generated<boolean>;
  two_factor_secret: string | null;
  backup_codes: Generated<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Date | null;
  hard_deleted_at: Date | null;
  two_factor_pending_secret: string | null;
  two_factor_last_step: number | null;
  last_login_at: Date | null;
  /** Admin and moderation (0012_admin.sql). */
  suspended_at: Date | null;
  suspension_reason: string | null;
  password_reset_required: Generated<boolean>;
  /** NULL: the instance default applies. */
  storage_quota_bytes: ColumnType<number | null, number | null | undefined, number | null>;
  /** Kept by the follows trigger (0010_social.sql). */
  follower_count: Generated<number>;
  following_count: Generated<number>;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: Buffer;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface PersonalAccessTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: Buffer;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** Any of read, write, upload, admin (TokenScope). */
  scopes: string[];
  expires_at: Date | null;
}

export type OneTimeTokenPurpose = "verify_email" | "reset_password" | "login_2fa";

export interface OneTimeTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: OneTimeTokenPurpose;
  token_hash: Buffer;
  expires_at: Date;
  used_at: Date | null;
  created_at: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}

export interface UserProfilesTable {
  user_id: string;
  display_name: string | null;
  bio: string | null;
  avatar_key: string | null;
  location: string | null;
  links: Json<{ label: string; url: string }[]>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface TracksTable {
  id: Generated<string>;
  owner_id: string;
  title: string;
  slug: string;
  description: string | null;
  genre: string | null;
  tags: Generated<string[]>;
  visibility: Generated<"public" | "unlisted" | "private">;
  downloadable: Generated<boolean>;
  license: string | null;
  release_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** `hidden`: processed, but taken down or its owner suspended; only the owner sees it. */
  status: Generated<TrackStatus>;
  progress: Generated<number>;
  failure_reason: string | null;
  original_key: string;
  original_format: string;
  original_size: ColumnType<number, number, number>;
  original_filename: string | null;
  artwork_source_key: string | null;
  artwork_prefix: string | null;
  hls_prefix: string | null;
  duration_ms: number | null;
  loudness_lufs: number | null;
  true_peak_dbtp: number | null;
  waveform: Json<number[] | null>;
  artist: string | null;
  album: string | null;
  play_count: Generated<number>;
  /** Popularity tier for search (0 = top 0.2 %, 3 = the rest), see 0007_search.sql. */
  search_tier: Generated<number>;
  /** Kept by the likes, reposts and comments triggers (0010_social.sql). */
  like_count: Generated<number>;
  repost_count: Generated<number>;
  comment_count: Generated<number>;
  taken_down_at: Date | null;
  takedown_reason: string | null;
  takedown_kind: "policy" | "copyright" | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TrackStatus = "uploaded" | "processing" | "ready" | "failed" | "hidden";

export interface PlaylistsTable {
  id: Generated<string>;
  owner_id: string;
  title: string;
  description: string | null;
  visibility: Generated<"public" | "unlisted" | "private">;
  /** Kept by the playlist likes trigger (0010_social.sql). */
  like_count: Generated<number>;
  taken_down_at: Date | null;
  takedown_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlaylistTracksTable {
  playlist_id: string;
  track_id: string;
  position: number;
  added_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  actor_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  data: Json<Record<string, unknown>>;
  read_at: Date | null;
  created_at: Timestamp;
}

export interface NotificationSettingsTable {
  user_id: string;
  email_kinds: string[];
  updated_at: Timestamp;
}

export interface UserBlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: Timestamp;
}

export interface ConversationsTable {
  id: Generated<string>;
  user_low: string;
  user_high: string;
  last_message_at: Timestamp;
  created_at: Timestamp;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  last_read_at: Timestamp;
  cleared_at: Timestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  sender_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface MessageHiddenTable {
  message_id: string;
  user_id: string;
}

export interface PlaySessionsTable {
  id: Generated<string>;
  track_id: string;
  listener_key: string;
  duration_ms: number | null;
  counts_after_ms: number;
  listened_ms: Generated<number>;
  outcome: "counted" | "repeat" | null;
  started_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrackListenersTable {
  track_id: string;
  listener_key: string;
  last_counted_at: Timestamp;
  /** A UTC day, "YYYY-MM-DD". */
  last_played_on: string;
  plays: Generated<number>;
}

export interface TrackPlayDaysTable {
  track_id: string;
  /** A UTC day, "YYYY-MM-DD". */
  day: string;
  plays: Generated<number>;
  listeners: Generated<number>;
}

export interface PlaybackHistoryTable {
  id: Generated<string>;
  user_id: string;
  track_id: string;
  play_id: string | null;
  played_at: Timestamp;
  listened_ms: Generated<number>;
  updated_at: Timestamp;
}

export interface TrackLikesTable {
  track_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface PlaylistLikesTable {
  playlist_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface TrackRepostsTable {
  track_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  created_at: Timestamp;
}

export interface TrackCommentsTable {
  id: Generated<string>;
  track_id: string;
  author_id: string;
  body: string;
  timestamp_ms: number | null;
  taken_down_at: Date | null;
  takedown_reason: string | null;
  created_at: Timestamp;
}

export interface TrackAnnouncementsTable {
  track_id: string;
  last_followed_at: Date | null;
  last_follower_id: string | null;
  told: Generated<number>;
  finished_at: Date | null;
  created_at: Timestamp;
}

export interface DataExportsTable {
  id: Generated<string>;
  user_id: string;
  status: Generated<"pending" | "processing" | "ready" | "failed" | "expired">;
  storage_key: string | null;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  error: string | null;
  created_at: Timestamp;
  completed_at: Date | null;
  expires_at: Date | null;
}

export interface DB {
  jobs: JobsTable;
  cron_schedules: CronSchedulesTable;
  upload_reservations: UploadReservationsTable;
  mail_outbox: MailOutboxTable;
  users: UsersTable;
  user_profiles: UserProfilesTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  personal_access_tokens: PersonalAccessTokensTable;
  one_time_tokens: OneTimeTokensTable;
  rate_limits: RateLimitsTable;
  tracks: TracksTable;
  playlists: PlaylistsTable;
  playlist_tracks: PlaylistTracksTable;
  play_sessions: PlaySessionsTable;
  track_listeners: TrackListenersTable;
  track_play_days: TrackPlayDaysTable;
  playback_history: PlaybackHistoryTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  user_blocks: UserBlocksTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  message_hidden: MessageHiddenTable;
  data_exports: DataExportsTable;
  track_likes: TrackLikesTable;
  playlist_likes: PlaylistLikesTable;
  track_reposts: TrackRepostsTable;
  follows: FollowsTable;
  track_comments: TrackCommentsTable;
  track_announcements: TrackAnnouncementsTable;
  reports: ReportsTable;
  instance_settings: InstanceSettingsTable;
  invite_codes: InviteCodesTable;
}

export type ReportSubjectType = "track" | "comment" | "playlist" | "user";

export interface ReportsTable {
  id: Generated<string>;
  reporter_id: string | null;
  subject_type: ReportSubjectType;
  subject_id: string;
  subject_owner_id: string | null;
  category: string;
  details: Generated<string>;
  status: Generated<"open" | "resolved" | "dismissed">;
  outcome: "taken_down" | "restored" | "no_action" | null;
  resolution_note: string | null;
  resolver_id: string | null;
  created_at: Timestamp;
  resolved_at: Date | null;
}

export interface InstanceSettingsTable {
  id: Generated<boolean>;
  registration_mode: Generated<"open" | "closed" | "invite">;
  site_name: string | null;
  site_description: Generated<string>;
  terms_text: Generated<string>;
  privacy_text: Generated<string>;
  default_upload_limit_bytes: ColumnType<number | null, number | null | undefined, number | null>;
  default_storage_quota_bytes: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface InviteCodesTable {
  id: Generated<string>;
  code_hash: string;
  code_hint: string;
  note: Generated<string>;
  max_uses: Generated<number>;
  uses: Generated<number>;
  expires_at: Date | null;
  revoked_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
}
