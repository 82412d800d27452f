import type { AuditEntry, Me, PersonalToken, Session } from "@stave/contracts";
import {
  buildBackupCodes,
  buildMe,
  buildSecurityEvents,
  buildSessions,
  MOCK_PASSWORD,
  MOCK_RESET_TOKEN,
  MOCK_VERIFY_TOKEN,
  mockId,
} from "./factories.ts";

/** What a mocked accounts API starts from. Leave `me` out for a signed-out browser. */
export type MockAccountsSeed = {
  /** Signed in as this user. */
  me?: Me;
  /** Other accounts that exist, all with MOCK_PASSWORD (default: ada, and grace with 2FA). */
  users?: Me[];
  /** The signed-in user's sessions (default: this browser, a phone and a laptop). */
  sessions?: Session[];
  /** The signed-in user's security events, newest first. */
  securityEvents?: AuditEntry[];
  /** The signed-in user's personal access tokens, newest first (default: none). */
  accessTokens?: PersonalToken[];
};

export type MockUser = { me: Me; password: string; backupCodes: string[] };

type Token = { kind: "verify" | "reset"; userId: string };

/** The mocked server's memory: what a real one keeps in PostgreSQL. */
export class MockAccountsState {
  users: MockUser[] = [];
  currentUserId: string | null = null;
  csrfToken: string | null = null;
  sessions: Session[] = [];
  accessTokens: PersonalToken[] = [];
  events: AuditEntry[] = [];
  challenges = new Map<string, string>();
  tokens = new Map<string, Token>();
  /**
   * Who may register, as the instance's settings say: the admin mock installs its check
   * (closed, or invite-only and the code) here. The refusal to send, or nothing to go ahead.
   */
  admitRegistration: (inviteCode: string | undefined) => Response | undefined = () => undefined;
  /** After a sign-up went through: the admin mock counts the invite's use. */
  registered: (inviteCode: string | undefined) => void = () => undefined;
  private issued = 0;
  private readonly signOutListeners = new Set<(userId: string, reason: "signed_out" | "account_closed") => void>();
  private backupCodeBatches = 1;

  constructor(private readonly seed: MockAccountsSeed) {
    this.reset();
  }

  /** Back to the seed, as if the server had just started. */
  reset(): void {
    const seed = structuredClone(this.seed);
    const others = seed.users ?? [
      buildMe({ username: "ada", email: "ada@example.com" }),
      buildMe({ username: "grace", email: "grace@example.com", twoFactorEnabled: true }),
    ];
    const everyone = seed.me ? [seed.me, ...others.filter((user) => user.id !== seed.me?.id)] : others;
    this.users = everyone.map((me) => ({
      me,
      password: MOCK_PASSWORD,
      backupCodes: me.twoFactorEnabled ? buildBackupCodes() : [],
    }));
    this.currentUserId = seed.me?.id ?? null;
    this.csrfToken = seed.me ? "mock-csrf-token" : null;
    this.sessions = seed.me ? (seed.sessions ?? buildSessions()) : [];
    this.events = seed.me ? (seed.securityEvents ?? buildSecurityEvents(seed.me)) : [];
    this.accessTokens = seed.me ? (seed.accessTokens ?? []) : [];
    this.challenges.clear();
    this.tokens.clear();
    this.issued = 0;
    this.backupCodeBatches = 1;
    const verifyTarget = seed.me ?? everyone.find((user) => !user.isVerified) ?? everyone[0];
    if (verifyTarget) this.tokens.set(MOCK_VERIFY_TOKEN, { kind: "verify", userId: verifyTarget.id });
    const resetTarget = seed.me ?? everyone[0];
    if (resetTarget) this.tokens.set(MOCK_RESET_TOKEN, { kind: "reset", userId: resetTarget.id });
  }

  get current(): MockUser | undefined {
    return this.users.find((user) => user.me.id === this.currentUserId);
  }

  findById(id: string): MockUser | undefined {
    return this.users.find((user) => user.me.id === id);
  }

  findByLogin(login: string): MockUser | undefined {
    const wanted = login.trim().toLowerCase();
    return this.users.find((user) => user.me.email.toLowerCase() === wanted || user.me.username === wanted);
  }

  /** A fresh opaque string, as the server would mint for challenges and CSRF tokens. */
  issue(prefix: string): string {
    this.issued += 1;
    return `${prefix}-${this.issued}`;
  }

  /** A set of backup codes unlike any handed out before. */
  newBackupCodes(): string[] {
    this.backupCodeBatches += 1;
    return buildBackupCodes(this.backupCodeBatches);
  }

  signIn(user: MockUser, request: Request, method = "password"): { user: Me; csrfToken: string } {
    this.currentUserId = user.me.id;
    this.csrfToken = this.issue("csrf");
    this.sessions = [
      { ...sessionFrom(request), current: true },
      ...this.sessions.filter((session) => !session.current),
    ];
    if (this.events.every((event) => event.actorId !== user.me.id)) this.events = buildSecurityEvents(user.me);
    this.record(user.me, "user.login", request, { success: true, method });
    return { user: user.me, csrfToken: this.csrfToken };
  }

  /**
   * Ends the current session; `account_closed` when the account goes with it. Open event
   * streams hear of it (`whenSignedOut`), as the server's end with a `closed` event.
   */
  signOut(reason: "signed_out" | "account_closed" = "signed_out"): void {
    const userId = this.currentUserId;
    if (userId) for (const listener of [...this.signOutListeners]) listener(userId, reason);
    this.currentUserId = null;
    this.csrfToken = null;
    this.sessions = this.sessions.filter((session) => !session.current);
  }

  /** Calls `listener` when a session ends (signOut); returns the function that stops it. */
  whenSignedOut(listener: (userId: string, reason: "signed_out" | "account_closed") => void): () => void {
    this.signOutListeners.add(listener);
    return () => this.signOutListeners.delete(listener);
  }

  record(user: Me, action: string, request: Request, metadata: Record<string, unknown> = {}): void {
    const { ip, userAgent } = sessionFrom(request);
    this.events.unshift({
      id: mockId(),
      actorId: user.id,
      action,
      targetType: "user",
      targetId: user.id,
      ip,
      userAgent,
      metadata,
      createdAt: new Date().toISOString(),
    });
  }
}

function sessionFrom(request: Request): Session {
  const now = new Date().toISOString();
  return {
    id: mockId(),
    current: false,
    createdAt: now,
    lastSeenAt: now,
    ip: "127.0.0.1",
    // Browsers keep User-Agent out of a request's headers; the page's own is the same one.
    userAgent: request.headers.get("User-Agent") ?? (typeof navigator === "undefined" ? null : navigator.userAgent),
  };
}
