import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { TwoFactorLoginForm } from "./TwoFactorLoginForm.tsx";

const meta = {
  title: "Auth/TwoFactorLoginForm",
  component: TwoFactorLoginForm,
  args: { challenge: "unknown-challenge", onSignedIn: fn(), onStartOver: fn() },
  parameters: {
    docs: {
      description: {
        component: `Step two of signing in. On its own it holds no real challenge, so the mock answers that the attempt expired; sign in as “grace” on the LoginPage story to try a code (${MOCK_TOTP_CODE}).`,
      },
    },
  },
} satisfies Meta<typeof TwoFactorLoginForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AskingForCode: Story = {};
