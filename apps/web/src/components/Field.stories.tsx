import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { Field } from "./Field.tsx";

type FieldStoryArgs = Omit<Parameters<typeof Field>[0], "value" | "onChange">;

/** Holds the value so the field can be typed into in Storybook. */
function StatefulField(props: FieldStoryArgs) {
  const [value, setValue] = useState("");
  return <Field {...props} value={value} onChange={setValue} />;
}

const meta = {
  title: "Components/Field",
  component: StatefulField,
  args: { label: "Email", name: "email", type: "email", required: true },
} satisfies Meta<typeof StatefulField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Required: Story = {};

export const Optional: Story = { args: { label: "Location", name: "location", type: "text", required: false } };

export const WithHint: Story = { args: { hint: "We never show your email to anyone." } };

/** The error is tied to the input with aria-describedby, after the hint. */
export const WithError: Story = {
  args: { hint: "We never show your email to anyone.", error: "Enter a valid email address" },
};

export const Multiline: Story = { args: { label: "Bio", name: "bio", multiline: true, required: false } };
