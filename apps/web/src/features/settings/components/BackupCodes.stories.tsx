import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { buildBackupCodes } from "../../../mocks/handlers.ts";
import { BackupCodes } from "./BackupCodes.tsx";

const meta = {
  title: "Settings/BackupCodes",
  component: BackupCodes,
  args: { codes: buildBackupCodes(), onDone: fn() },
} satisfies Meta<typeof BackupCodes>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Shown once, right after two-factor is turned on or the codes are regenerated. */
export const TenCodes: Story = {};
