// Pure part of the guideline review reminders: who is told about which overdue version, and what
// the notification says. The job (guideline-review-reminders.ts) reads the rows and writes.

/** Every reminder title starts with this, which is how a rerun recognises the ones already sent. */
export const REVIEW_REMINDER_PREFIX = "Review overdue: ";

export type OverdueVersion = {
  id: string;
  organizationId: string;
  processId: string;
  number: number;
  title: string;
  reviewBy: Date;
  teamId: string;
  processName: string;
};

export type TeamLead = { organizationId: string; teamId: string; userId: string };

export type Reminder = { organizationId: string; userId: string; versionId: string; title: string; link: string };

/** Midnight UTC of `now`'s day: reminders are "once per version, lead and day". */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function versionLink(v: Pick<OverdueVersion, "teamId" | "processId" | "number">): string {
  return `/teams/${v.teamId}/guidelines/${v.processId}/versions/${v.number}`;
}

/**
 * One reminder per overdue version per lead of the version's team, in the version's own
 * organization (a lead row from another organization never matches, even with a shared team id).
 */
export function reviewReminders(versions: readonly OverdueVersion[], leads: readonly TeamLead[]): Reminder[] {
  const reminders: Reminder[] = [];
  const seen = new Set<string>();
  for (const v of versions) {
    const due = v.reviewBy.toISOString().slice(0, 10);
    const title = `${REVIEW_REMINDER_PREFIX}${v.processName} v${v.number} "${v.title}" (review was due ${due})`.slice(0, 200);
    for (const lead of leads) {
      if (lead.teamId !== v.teamId || lead.organizationId !== v.organizationId) continue;
      const key = `${v.id}:${lead.userId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reminders.push({ organizationId: v.organizationId, userId: lead.userId, versionId: v.id, title, link: versionLink(v) });
    }
  }
  return reminders;
}
