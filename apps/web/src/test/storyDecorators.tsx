import type { Decorator } from "@storybook/react-vite";
import { playerApi } from "../app/playerApi.ts";
import { RequireAuth, roleLabels, useMe } from "../features/auth/index.ts";
import { PlayerProvider } from "../player/PlayerProvider.tsx";
import { attachToneStream } from "./toneStream.ts";

/**
 * For a settings component on its own: load the session first, as /settings does, so
 * the component has its user and the CSRF token its requests need.
 */
export const withSession: Decorator = (Story) => (
  <RequireAuth>
    <Story />
  </RequireAuth>
);

/** Says who the mocked session belongs to — and so, in tests, that it has loaded. */
export function SignedInAs() {
  const me = useMe().data;
  if (!me) return null;
  return (
    <p className="story-caption">
      Signed in as {me.username} ({roleLabels[me.role]}, {me.isVerified ? "verified" : "unverified"})
    </p>
  );
}

export const withSignedInCaption: Decorator = (Story) => (
  <>
    <SignedInAs />
    <Story />
  </>
);

/** For a component that plays tracks outside the app shell: the player, with a generated tone for audio. */
export const withPlayer: Decorator = (Story) => (
  <PlayerProvider api={playerApi} attachStream={attachToneStream}>
    <Story />
  </PlayerProvider>
);
