import { composeMail, type MailContent } from "../../platform/mail/index.ts";

export const verifyEmailMail = (siteName: string, url: string): MailContent =>
  composeMail({
    siteName,
    subject: `Verify your email for ${siteName}`,
    paragraphs: [
      `Welcome to ${siteName}! Confirm this address to finish setting up your account.`,
      "The link works once and expires in 24 hours. If you did not sign up, ignore this mail.",
    ],
    action: { label: "Verify my email", url },
  });

export const resetPasswordMail = (siteName: string, url: string): MailContent =>
  composeMail({
    siteName,
    subject: `Reset your ${siteName} password`,
    paragraphs: [
      "Someone (hopefully you) asked to reset the password of your account.",
      "The link works once and expires in 1 hour. If you did not ask, ignore this mail: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url },
  });

/** Same link and page as a reset the user asked for; the words say why, and that the old password is gone. */
export const forcedPasswordResetMail = (siteName: string, url: string): MailContent =>
  composeMail({
    siteName,
    subject: `Choose a new password for ${siteName}`,
    paragraphs: [
      `An administrator of ${siteName} asked you to choose a new password. Until you do, your current password no longer signs you in, and you have been signed out everywhere.`,
      "The link works once and expires in 1 hour. After that, use “Forgot password” on the sign-in page for a new one.",
    ],
    action: { label: "Choose a new password", url },
  });
