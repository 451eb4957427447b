import "server-only";
import { getDb } from "@/lib/db/client.ts";
import { notFound } from "@/lib/errors.ts";

/** A person of the organization, or "not found" (an id from another organization looks the same). */
export async function getOrgUserOrThrow({ id, orgId }: { id: string; orgId: string }): Promise<{ id: string; deactivatedAt: Date | null }> {
  const user = await getDb().user.findFirst({ where: { id, organizationId: orgId }, select: { id: true, deactivatedAt: true } });
  if (!user) throw notFound("Person not found.");
  return user;
}
