import "server-only";
import nodemailer from "nodemailer";

export type Email = { to: string; subject: string; text: string; html?: string };

/**
 * Sends through the SMTP server in SMTP_URL (e.g. smtp://user:pass@mail.example:587). Without it,
 * email is off and callers fall back to showing links in the app: returns false so they can say so.
 */
export async function sendEmail(email: Email): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url) return false;
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: process.env.EMAIL_FROM ?? "Learning Loop <no-reply@learning-loop.local>", ...email });
    return true;
  } catch (error) {
    console.error("email: could not send", error instanceof Error ? error.message : error);
    return false;
  } finally {
    transport.close();
  }
}
