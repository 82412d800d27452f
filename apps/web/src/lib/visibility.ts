import type { Visibility } from "@stave/contracts";

/** Tracks and playlists share the same three visibilities, named the same way everywhere. */
export const visibilityLabels: Record<Visibility, string> = {
  public: "Public",
  unlisted: "Unlisted",
  private: "Private",
};
