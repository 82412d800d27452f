import type { AuditEntry, Me, Session } from "@stave/contracts";

/** The password of every mocked account unless a test says otherwise. */
export const MOCK_PASSWORD = "correct horse battery staple";
/** The one TOTP code the mocked authenticator ever shows. */
export const MOCK_TOTP_CODE = "123456";
/** A verification link's token the mock accepts once. */
export const MOCK_VERIFY_TOKEN = "valid-verify-token";
/** A password-reset link's token the mock accepts once. */
export const MOCK_RESET_TOKEN = "valid-reset-token";
/** Passwords the mock's strength check turns down with WEAK_PASSWORD. */
export const MOCK_WEAK_PASSWORDS: readonly string[] = ["password1234", "1234567890", "qwertyuiop"];
export const MOCK_TWO_FACTOR_SECRET = "JBSWY3DPEHPK3PXP";

// Fixed dates keep stories and snapshots stable.
const BASE_TIME = Date.parse("2025-05-01T12:00:00.000Z");
export const minutesAgo = (minutes: number) => new Date(BASE_TIME - minutes * 60_000).toISOString();

let sequence = 0;
/** A valid, readable, unique UUID (v4-shaped, as the contracts check). */
export function mockId(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, "0")}`;
}

type MeOverrides = Partial<Omit<Me, "profile">> & { profile?: Partial<Me["profile"]> };

export function buildMe(overrides: MeOverrides = {}): Me {
  const { profile, ...rest } = overrides;
  const username = rest.username ?? "ada";
  return {
    id: mockId(),
    email: `${username}@example.com`,
    username,
    role: "user",
    isVerified: true,
    promotedToCreatorAt: null,
    twoFactorEnabled: false,
    createdAt: minutesAgo(60 * 24 * 30),
    ...rest,
    profile: {
      displayName: "Ada Lovelace",
      bio: "Composer of analytical engines.",
      avatarUrl: null,
      location: "London",
      links: [],
      ...profile,
    },
  };
}

/** A listener who has verified their email: may become a creator. */
export const buildVerifiedUser = (overrides: MeOverrides = {}) => buildMe({ isVerified: true, ...overrides });

/** A listener who has not verified their email yet. */
export const buildUnverifiedUser = (overrides: MeOverrides = {}) =>
  buildMe({
    username: "newbie",
    isVerified: false,
    profile: { displayName: null, bio: null, location: null },
    ...overrides,
  });

/** A listener who upgraded themselves to creator (self-service upgrade). */
export const buildCreator = (overrides: MeOverrides = {}) =>
  buildMe({ username: "ada", role: "creator", promotedToCreatorAt: minutesAgo(60 * 24 * 7), ...overrides });

/** An administrator: creator tier by assignment, never self-promoted. */
export const buildAdmin = (overrides: MeOverrides = {}) =>
  buildMe({ username: "root", role: "admin", profile: { displayName: "Site admin" }, ...overrides });

export const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
export const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
export const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

export function buildSession(overrides: Partial<Session> = {}): Session {
  return {
    id: mockId(),
    current: false,
    createdAt: minutesAgo(60 * 24 * 3),
    lastSeenAt: minutesAgo(5),
    ip: "203.0.113.7",
    userAgent: FIREFOX_LINUX,
    ...overrides,
  };
}

/** This browser plus a phone and a work laptop. */
export function buildSessions(): Session[] {
  return [
    buildSession({ current: true, lastSeenAt: minutesAgo(0) }),
    buildSession({ ip: "198.51.100.23", userAgent: SAFARI_IPHONE, lastSeenAt: minutesAgo(90) }),
    buildSession({ ip: "192.0.2.44", userAgent: CHROME_WINDOWS, lastSeenAt: minutesAgo(60 * 26) }),
  ];
}

export function buildAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: mockId(),
    actorId: null,
    action: "user.login",
    targetType: "user",
    targetId: null,
    ip: "203.0.113.7",
    userAgent: FIREFOX_LINUX,
    metadata: {},
    createdAt: minutesAgo(10),
    ...overrides,
  };
}

/** A plausible recent history for `user`, newest first. */
export function buildSecurityEvents(user: Me): AuditEntry[] {
  const about = { actorId: user.id, targetId: user.id };
  const signedIn = { success: true, method: "password" };
  return [
    buildAuditEntry({ ...about, action: "user.login", metadata: signedIn, createdAt: minutesAgo(5) }),
    buildAuditEntry({
      ...about,
      action: "user.login",
      metadata: { success: false, reason: "wrong_password" },
      ip: "192.0.2.200",
      userAgent: CHROME_WINDOWS,
      createdAt: minutesAgo(60),
    }),
    buildAuditEntry({ ...about, action: "user.password_change", createdAt: minutesAgo(60 * 24 * 2) }),
    buildAuditEntry({
      ...about,
      action: "user.login",
      metadata: signedIn,
      ip: "198.51.100.23",
      userAgent: SAFARI_IPHONE,
      createdAt: minutesAgo(60 * 24 * 3),
    }),
  ];
}

/** Ten distinct, readable backup codes; `batch` varies them between regenerations. */
export function buildBackupCodes(batch = 1): string[] {
  return Array.from({ length: 10 }, (_, index) => {
    const value = ((batch * 7919 + index * 104_729) * 2_654_435_761) % 36 ** 8;
    const code = value.toString(36).padStart(8, "0");
    return `${code.slice(0, 4)}-${code.slice(4)}`;
  });
}

/** A stand-in QR code: a small grid, enough to show where the real one goes. */
export function buildQrCodeDataUrl(): string {
  const cells: string[] = [];
  for (let y = 0; y < 21; y += 1) {
    for (let x = 0; x < 21; x += 1) {
      const finder = (x < 7 || x > 13) && y < 7 ? true : x < 7 && y > 13;
      const on = finder ? !(x % 6 === 1 || y % 6 === 1) || (x % 7 > 1 && x % 7 < 5) : (x * 7 + y * 13) % 3 === 0;
      if (on) cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 25 25"><rect x="-2" y="-2" width="25" height="25" fill="#fff"/>${cells.join("")}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
