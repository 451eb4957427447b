import { describe, expect, it } from "vitest";
import { REVIEW_REMINDER_PREFIX, reviewReminders, startOfUtcDay, versionLink, type OverdueVersion } from "@/lib/jobs/review-reminders.ts";

const version = (over: Partial<OverdueVersion> = {}): OverdueVersion => ({
  id: "v1",
  organizationId: "org1",
  processId: "p1",
  number: 3,
  title: "Hand hygiene",
  reviewBy: new Date("2026-01-10T00:00:00Z"),
  teamId: "t1",
  processName: "Central line care",
  ...over,
});

describe("reviewReminders", () => {
  it("tells every lead of the version's team, once each, linking to the version", () => {
    const leads = [
      { organizationId: "org1", teamId: "t1", userId: "lead-a" },
      { organizationId: "org1", teamId: "t1", userId: "lead-b" },
      { organizationId: "org1", teamId: "t1", userId: "lead-a" },
      { organizationId: "org1", teamId: "t2", userId: "lead-other-team" },
    ];
    const reminders = reviewReminders([version()], leads);
    expect(reminders.map((r) => r.userId)).toEqual(["lead-a", "lead-b"]);
    expect(reminders[0]).toMatchObject({ organizationId: "org1", versionId: "v1", link: "/teams/t1/guidelines/p1/versions/3" });
    expect(reminders[0]!.title.startsWith(REVIEW_REMINDER_PREFIX)).toBe(true);
    expect(reminders[0]!.title).toContain("2026-01-10");
  });

  it("never crosses organizations, even with a matching team id", () => {
    expect(reviewReminders([version()], [{ organizationId: "org2", teamId: "t1", userId: "x" }])).toEqual([]);
  });

  it("keeps titles within the notification limit", () => {
    const [r] = reviewReminders([version({ title: "x".repeat(500) })], [{ organizationId: "org1", teamId: "t1", userId: "a" }]);
    expect(r!.title.length).toBe(200);
  });
});

describe("startOfUtcDay / versionLink", () => {
  it("truncates to midnight UTC", () => {
    expect(startOfUtcDay(new Date("2026-11-29T23:59:59.999Z")).toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(startOfUtcDay(new Date("2026-11-30T00:00:00.000Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
  it("links to the version page", () => {
    expect(versionLink({ teamId: "t", processId: "p", number: 1 })).toBe("/teams/t/guidelines/p/versions/1");
  });
});
