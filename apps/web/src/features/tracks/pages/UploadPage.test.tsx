import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildAudioFile, buildCreator, buildVerifiedUser, createMockApi } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";

const uploadRows = () => within(screen.getByRole("list", { name: "Uploads" })).getAllByRole("listitem");

describe("Upload page access", () => {
  it("explains to a listener how to become a creator", async () => {
    server.use(...createMockApi({ me: buildVerifiedUser() }).handlers);
    renderWithProviders(<AppRoutes />, { route: "/upload" });

    expect(await screen.findByRole("heading", { name: "Uploading is for creators" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Become a creator in Settings" })).toHaveAttribute("href", "/settings");
    expect(screen.queryByTestId("upload-dropzone")).not.toBeInTheDocument();
  });

  it("sends a signed-out visitor to sign in", async () => {
    server.use(...createMockApi().handlers);
    renderWithProviders(<AppRoutes />, { route: "/upload" });

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
  });

  it("offers the file picker by its label to a creator", async () => {
    server.use(...createMockApi({ me: buildCreator() }).handlers);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { route: "/upload" });

    await user.upload(await screen.findByLabelText("Choose audio files"), [
      buildAudioFile({ name: "one.mp3" }),
      buildAudioFile({ name: "two.ogg", type: "audio/ogg" }),
    ]);

    expect(uploadRows()).toHaveLength(2);
  });
});
