import "server-only";
import { createHmac } from "node:crypto";
import { sha256 } from "@/lib/auth/crypto.ts";

// No 0/O, 1/I/L or U: the code is read off a phone screen and typed back in later.
const ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

/**
 * The receipt code is derived (HMAC with the server secret) from the organization and the client's
 * submission id, so that an idempotent replay of a lost response can show the same code again,
 * while the database keeps only its sha256. Knowing the code reveals nothing about the author.
 */
export function deriveReceiptCode(orgId: string, clientSubmissionId: string): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: receipt codes cannot be derived.");
  const digest = createHmac("sha256", secret).update(`receipt:${orgId}:${clientSubmissionId}`).digest();
  const chars = Array.from(digest.subarray(0, 8), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `LL-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

/** Accepts what people type: lower case, spaces, missing dashes, or an O for a 0. */
export function normalizeReceiptCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, "").replace(/^LL/, "");
  if (raw.length !== 8) return null;
  return `LL-${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export const hashReceiptCode = (code: string) => sha256(code);
