import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client.ts";
import { IN_USE, isReviewOverdue } from "@/lib/guidelines/schema.ts";
import { REVIEW_REMINDER_PREFIX, reviewReminders, startOfUtcDay, type OverdueVersion } from "./review-reminders.ts";

// Any number that no other advisory lock in the app uses: it serialises reminder runs, so that the
// "not already sent today" check and the insert cannot interleave between two runs.
const REMINDER_LOCK_KEY = 604_001;

/**
 * Tells each team's leads about guideline versions in use whose review date has passed. A system
 * job, so it crosses organizations; every row it writes carries the version's own organizationId.
 * Idempotent per (version, lead, UTC day): a rerun — a retry, a second instance, a manual run —
 * sends nothing new that day; the next day's run reminds again while the review is still overdue.
 */
export async function sendGuidelineReviewReminders(now = new Date()): Promise<{ overdueVersions: number; reminders: number; sent: number }> {
  const db = getDb();
  const rows = await db.guidelineVersion.findMany({
    where: { status: { in: [...IN_USE] }, reviewBy: { lt: now }, process: { archivedAt: null } },
    select: {
      id: true,
      organizationId: true,
      processId: true,
      number: true,
      title: true,
      status: true,
      reviewBy: true,
      process: { select: { teamId: true, name: true } },
    },
  });
  // One definition of "overdue" for the app and the job (lib/guidelines/schema.ts).
  const overdue: OverdueVersion[] = rows
    .filter((v) => isReviewOverdue(v, now))
    .map((v) => ({ ...v, reviewBy: v.reviewBy!, teamId: v.process.teamId, processName: v.process.name }));
  if (overdue.length === 0) return { overdueVersions: 0, reminders: 0, sent: 0 };

  const leads = await db.membership.findMany({
    where: { role: "LEAD", teamId: { in: [...new Set(overdue.map((v) => v.teamId))] }, user: { deactivatedAt: null } },
    select: { organizationId: true, teamId: true, userId: true },
  });
  const reminders = reviewReminders(overdue, leads);
  const dayStart = startOfUtcDay(now);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const titlePattern = `${REVIEW_REMINDER_PREFIX}%`;

  // A conditional insert under a transaction-scoped advisory lock: the check and the write are one
  // statement, and concurrent runs queue behind the lock (docs/decisions/005-transactions.md).
  const sent = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY}::bigint)`;
      let inserted = 0;
      for (const r of reminders) {
        inserted += await tx.$executeRaw`
          INSERT INTO "Notification" ("id", "organizationId", "userId", "title", "link", "createdAt")
          SELECT ${randomUUID()}, ${r.organizationId}, ${r.userId}, ${r.title}, ${r.link}, ${now}
          WHERE NOT EXISTS (
            SELECT 1 FROM "Notification"
            WHERE "userId" = ${r.userId} AND "link" = ${r.link} AND "title" LIKE ${titlePattern}
              AND "createdAt" >= ${dayStart} AND "createdAt" < ${dayEnd}
          )`;
      }
      return inserted;
    },
    { timeout: 60_000 },
  );
  return { overdueVersions: overdue.length, reminders: reminders.length, sent };
}
