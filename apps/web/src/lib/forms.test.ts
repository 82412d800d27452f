import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { type SafeParser, useForm } from "./forms.ts";

const fields = ["email", "password"] as const;
const initialValues = { email: "", password: "" };

/** Accepts an email with an "@"; says so on the email field otherwise. */
const emailSchema: SafeParser<{ email: string }> = {
  safeParse: (data) => {
    const email = String((data as { email?: unknown }).email ?? "");
    return email.includes("@")
      ? { success: true, data: { email } }
      : { success: false, error: { issues: [{ path: ["email"], message: "Enter an email address" }] } };
  },
};

describe("useForm", () => {
  it("keeps the values as typed and goes back to the initial ones on reset", () => {
    const { result } = renderHook(() => useForm({ fields, initialValues }));
    act(() => result.current.setValue("email", "ada@example.com"));
    act(() => result.current.change("password")("secret"));
    expect(result.current.values).toEqual({ email: "ada@example.com", password: "secret" });

    act(() => result.current.reset());
    expect(result.current.values).toEqual(initialValues);
  });

  it("returns the parsed request when the schema and the form's own checks pass", () => {
    const { result } = renderHook(() => useForm({ fields, initialValues }));
    let request: { email: string } | undefined;
    act(() => {
      request = result.current.validate(emailSchema, { email: "ada@example.com" }, { password: undefined });
    });
    expect(request).toEqual({ email: "ada@example.com" });
    expect(result.current.errors).toEqual({});
  });

  it("shows the schema's problems and the form's own, the form's winning, and sends nothing", () => {
    const { result } = renderHook(() => useForm({ fields, initialValues }));
    let request: { email: string } | undefined;
    act(() => {
      request = result.current.validate(
        emailSchema,
        { email: "" },
        { email: "Enter your email", password: "Enter a password" },
      );
    });
    expect(request).toBeUndefined();
    expect(result.current.errors).toEqual({ email: "Enter your email", password: "Enter a password" });
  });

  it("shows the server's field errors under the client's, and an error no field explains as failed outside fields", () => {
    const taken = new ApiError(409, "EMAIL_TAKEN", "Email taken");
    const { result, rerender } = renderHook(
      ({ submitError }: { submitError: unknown }) =>
        useForm({ fields, initialValues, submitError, codeFields: { EMAIL_TAKEN: "email" } }),
      { initialProps: { submitError: taken as unknown } },
    );
    expect(result.current.errors).toEqual({ email: "Email taken" });
    expect(result.current.failedOutsideFields).toBe(false);

    act(() => {
      result.current.check({ email: "Enter your email" });
    });
    expect(result.current.errors).toEqual({ email: "Enter your email" });

    rerender({ submitError: new ApiError(500, "INTERNAL", "Something went wrong") });
    expect(result.current.failedOutsideFields).toBe(true);

    rerender({ submitError: null });
    expect(result.current.failedOutsideFields).toBe(false);
  });
});
