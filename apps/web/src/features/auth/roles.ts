import type { Role } from "@stave/contracts";

/** How a role reads to its holder. */
export const roleLabels: Record<Role, string> = {
  user: "Listener",
  creator: "Creator",
  premium: "Premium",
  moderator: "Moderator",
  admin: "Administrator",
  artist: "Artist",
  producer: "Producer",
  label: "Label",
};
