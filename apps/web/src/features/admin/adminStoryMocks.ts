import type { AdminUserDetail, Me } from "@stave/contracts";
import {
  buildAdmin,
  buildAdminAuditLog,
  buildComment,
  buildDirectory,
  buildInvite,
  buildMe,
  buildPlaylistRecord,
  buildReport,
  buildSuspension,
  buildTakedown,
  buildTrack,
  createMockApi,
  MIRA,
  type MockAdminSeed,
  type MockApi,
  minutesAgo,
  ownerOf,
  THEO,
} from "../../mocks/handlers.ts";

// Fixtures the admin stories and tests share; kept out of the story files so Storybook
// does not take them for stories.

/** The signed-in administrator of most stories. */
export const admin = buildAdmin({ username: "root", email: "root@example.org" });
/** A moderator: sees the moderation queue and nothing else of /admin. */
export const moderator = buildMe({
  username: "morgan",
  email: "morgan@example.org",
  role: "moderator",
  profile: { displayName: "Morgan", bio: null, location: null },
});
/** A listener who wanders to /admin. */
export const listener = buildMe({ username: "lin", email: "lin@example.org", profile: { displayName: "Lin" } });

/** 22 people in every role, newest first; with the three above, more than a page of 20. */
export const directory = buildDirectory();
const person = (username: string): Me => {
  const found = directory.find((user) => user.username === username);
  if (!found) throw new Error(`No ${username} in the directory`);
  return found;
};
/** A creator with tracks, one of them taken down. */
export const hana = person("hana");
/** Suspended for spam. */
export const gus = person("gus");
/** Has not verified their email. */
export const kit = person("kit");
/** A listener who may be promoted. */
export const cyril = person("cyril");

export const hanaSong = buildTrack({ title: "Paper Lanterns", owner: ownerOf(hana), createdAt: minutesAgo(60 * 48) });
export const hanaCover = buildTrack({
  title: "Borrowed Beat",
  owner: ownerOf(hana),
  status: "hidden",
  takedown: buildTakedown({ kind: "copyright", reason: "Claimed by Example Records: it uses their master." }),
  createdAt: minutesAgo(60 * 24 * 5),
});
export const gusTrack = buildTrack({
  title: "Buy Followers Now",
  owner: ownerOf(gus),
  status: "hidden",
  takedown: buildTakedown({ kind: "owner_suspended", reason: "The owner's account is suspended." }),
});
export const miraTrack = buildTrack({ title: "Night Drive", createdAt: minutesAgo(60 * 30) });
export const theoTrack = buildTrack({ title: "Paper Planes", owner: THEO, createdAt: minutesAgo(60 * 26) });
export const adminTracks = [miraTrack, theoTrack, hanaSong, hanaCover, gusTrack];

export const spamComment = buildComment({
  trackId: miraTrack.id,
  author: ownerOf(gus),
  body: "Get 10k plays for $5!!! visit my profile",
  createdAt: minutesAgo(80),
});
export const theoPlaylist = buildPlaylistRecord({ title: "Stolen Tapes", owner: THEO, tracks: [theoTrack] });

const reporter = ownerOf(cyril);
/** Four open reports, one on each kind of subject, and one resolved earlier. */
export const reports = [
  buildReport({
    subjectType: "track",
    subjectId: theoTrack.id,
    reporter,
    category: "copyright",
    details: "This is my song, uploaded without permission.\nOriginal release: 2019.",
    createdAt: minutesAgo(15),
  }),
  buildReport({
    subjectType: "comment",
    subjectId: spamComment.id,
    reporter: ownerOf(kit),
    category: "spam",
    createdAt: minutesAgo(40),
  }),
  buildReport({
    subjectType: "playlist",
    subjectId: theoPlaylist.id,
    reporter,
    category: "other",
    details: "The title is misleading.",
    createdAt: minutesAgo(60 * 3),
  }),
  buildReport({
    subjectType: "user",
    subjectId: gus.id,
    reporter: ownerOf(hana),
    category: "impersonation",
    details: "Pretends to be me in their bio.",
    createdAt: minutesAgo(60 * 6),
  }),
  buildReport({
    subjectType: "track",
    subjectId: hanaCover.id,
    reporter: MIRA,
    category: "copyright",
    status: "resolved",
    outcome: "taken_down",
    resolutionNote: "Claimed by Example Records: it uses their master.",
    resolver: ownerOf(admin),
    resolvedAt: minutesAgo(60 * 2),
    createdAt: minutesAgo(60 * 5),
  }),
];

export const adminSeed: Omit<MockAdminSeed, "social"> = {
  settings: {
    siteName: "Stave",
    siteDescription: "Music by the people who make it.",
    termsText: "Be kind. Upload only what you have the rights to.",
    privacyText: "",
  },
  invites: [
    buildInvite({ code: "LABEL-FRIENDS-01", note: "For Lux Records' artists", maxUses: 10, uses: 3 }),
    buildInvite({ code: "OLD-CODE-2024", note: "Launch party", revokedAt: minutesAgo(60 * 24 * 20) }),
  ],
  records: [buildSuspension(gus.id)],
  audit: buildAdminAuditLog(ownerOf(admin), [ownerOf(cyril), ownerOf(gus), ownerOf(hana)]),
  reports,
};

/** The instance above, seen by `me` (the admin unless given); `seed` replaces parts of the admin seed. */
export function adminApi(me: Me = admin, seed: Partial<Omit<MockAdminSeed, "social">> = {}): MockApi {
  return createMockApi({
    me,
    users: [admin, moderator, listener, ...directory].filter((user) => user.id !== me.id),
    tracks: adminTracks,
    playlistRecords: [theoPlaylist],
    social: { comments: [spamComment] },
    admin: { ...adminSeed, ...seed },
  });
}

/** A user's admin page as the mocked server serves it now, for the dialog stories. */
export function detailOf(api: MockApi, user: Me): AdminUserDetail {
  const account = api.accounts.state.findById(user.id);
  if (!account) throw new Error(`${user.username} has no account`);
  return api.admin.state.detailOf(account);
}
