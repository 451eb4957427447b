import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A NEXTAUTH_SECRET for local runs, generated once and kept in .data/ (git-ignored). */
export function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
