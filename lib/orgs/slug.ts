import { randomBytes } from "node:crypto";

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "org";
}

/** A slug with a short random suffix, for names that may collide across organizations. */
export const uniqueSlug = (text: string) => `${slugify(text)}-${randomBytes(3).toString("hex")}`;
