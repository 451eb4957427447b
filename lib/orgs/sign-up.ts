import "server-only";
import { getDb } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { hashPassword } from "@/lib/auth/crypto.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { slugify, uniqueSlug } from "./slug.ts";
import { signUpInput, type SignUpInput } from "./schema.ts";

/** Creates an organization with a first team and makes the new user its ADMIN. */
export async function signUp(raw: SignUpInput | unknown): Promise<{ userId: string; organizationId: string; teamId: string }> {
  const input = signUpInput.parse(raw);
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    const result = await db.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: { name: input.organizationName, slug: uniqueSlug(input.organizationName) },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: { organizationId: org.id, email: input.email, name: input.name, passwordHash, orgRole: "ADMIN" },
        select: { id: true },
      });
      const team = await tx.team.create({
        data: { organizationId: org.id, name: input.teamName, slug: slugify(input.teamName) },
        select: { id: true },
      });
      // The founder also leads the first team, so it has a member and shows up as theirs everywhere.
      await tx.membership.create({
        data: { organizationId: org.id, teamId: team.id, userId: user.id, role: "LEAD" },
        select: { id: true },
      });
      return { userId: user.id, organizationId: org.id, teamId: team.id };
    });
    await recordAuditEvent({ orgId: result.organizationId, actorId: result.userId, action: "org.created" });
    return result;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      // Says the email is taken: sign-up cannot avoid that, but sign-in never reveals it.
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
