import type { TokenScope } from "@stave/contracts";

export const tokenScopeLabels: Record<TokenScope, { label: string; hint: string }> = {
  read: { label: "Read", hint: "See what your account can see" },
  write: { label: "Write", hint: "Change things: playlists, likes, profile…" },
  upload: { label: "Upload", hint: "Upload tracks" },
  admin: { label: "Admin", hint: "Reach the admin and moderation routes your role allows" },
};

/** Lifetimes offered when creating a token; null: never expires. */
export const tokenLifetimes: { days: number | null; label: string }[] = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: null, label: "Never" },
];
