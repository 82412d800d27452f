import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../.storybook/annotations.tsx";
import * as stories from "./Field.stories.tsx";

const { Required, Optional, WithHint, WithError, Multiline } = composeStories(stories, sharedAnnotations);

describe("Field", () => {
  it("labels a required input and accepts typing", async () => {
    const user = userEvent.setup();
    render(<Required />);

    const input = screen.getByLabelText("Email");
    expect(input).toBeRequired();
    expect(input).not.toHaveAttribute("aria-invalid");
    await user.type(input, "ada@example.com");
    expect(input).toHaveValue("ada@example.com");
  });

  it("marks an optional field in its label", () => {
    render(<Optional />);

    expect(screen.getByLabelText("Location (optional)")).not.toBeRequired();
  });

  it("ties a hint to the input", () => {
    render(<WithHint />);

    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("We never show your email to anyone.");
  });

  it("ties the hint, then the error, to the input and marks it invalid", () => {
    render(<WithError />);

    const input = screen.getByLabelText("Email");
    expect(input).toHaveAccessibleDescription("We never show your email to anyone. Enter a valid email address");
    expect(input).toHaveAttribute("aria-invalid", "true");
  });

  it("renders a text area when multiline", () => {
    render(<Multiline />);

    expect(screen.getByRole("textbox", { name: "Bio (optional)" }).tagName).toBe("TEXTAREA");
  });
});
