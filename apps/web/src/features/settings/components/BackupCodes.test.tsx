import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { buildBackupCodes } from "../../../mocks/handlers.ts";
import * as stories from "./BackupCodes.stories.tsx";

const { TenCodes } = composeStories(stories, sharedAnnotations);

describe("BackupCodes", () => {
  it("lists every code with the note to store them, and lets the person say they have", async () => {
    const user = userEvent.setup();
    render(<TenCodes />);

    const section = screen.getByRole("region", { name: "Your backup codes" });
    expect(
      within(section)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(buildBackupCodes());
    expect(section).toHaveTextContent(/store them somewhere safe/i);

    await user.click(within(section).getByRole("button", { name: "I've saved my backup codes" }));
    expect(TenCodes.args.onDone).toHaveBeenCalledOnce();
  });
});
