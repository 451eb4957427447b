import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** URL-safe random secret with a readable prefix, e.g. `llt_…` for API tokens. */
export const randomSecret = (prefix: string, bytes = 24) => `${prefix}_${randomBytes(bytes).toString("base64url")}`;

const BCRYPT_COST = 10;
export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

// Compared even when the user does not exist, so the response time does not reveal whether an
// email is registered.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8pQ6o4eNqH6gEJm4sQ2pCMZnh9m9fK";
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
