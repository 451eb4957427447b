import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/context.ts";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications.ts";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read.ts";
import { createWorld, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let member: Caller;
let lead: Caller;
let outsider: Caller;

const callerOf = (orgId: string, userId: string): Caller => ({ userId, orgId, tokenId: null, isOrgAdmin: false, name: "Test", email: null, teams: [] });

async function note(orgId: string, userId: string, title: string, createdAt = new Date()) {
  return testDb().notification.create({ data: { organizationId: orgId, userId, title, link: `/somewhere/${title}`, createdAt }, select: { id: true } });
}
const readAtOf = async (id: string) => (await testDb().notification.findUniqueOrThrow({ where: { id }, select: { readAt: true } })).readAt;

beforeAll(async () => {
  world = await createWorld();
  member = callerOf(world.orgA.id, world.a.member.id);
  lead = callerOf(world.orgA.id, world.a.lead.id);
  outsider = callerOf(world.orgB.id, world.b.lead.id);
});

describe("listing notifications", () => {
  it("returns only the caller's own, in their organization, newest first and page by page", async () => {
    const base = Date.now() - 60_000;
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await note(world.orgA.id, world.a.member.id, `mine-${i}`, new Date(base + i * 1000))).id);
    await note(world.orgA.id, world.a.lead.id, "the lead's");
    // A row naming the member under another organization (should never happen) is not theirs here.
    await note(world.orgB.id, world.a.member.id, "other org");

    const first = await listNotifications(member, { take: 3 });
    expect(first.notifications.map((n) => n.title)).toEqual(["mine-4", "mine-3", "mine-2"]);
    expect(first.hasMore).toBe(true);
    const second = await listNotifications(member, { take: 3, after: first.notifications.at(-1)!.id });
    expect(second.notifications.map((n) => n.title)).toEqual(["mine-1", "mine-0"]);
    expect(second.hasMore).toBe(false);
    expect(await countUnreadNotifications(member)).toBe(5);

    // Another user's id cannot anchor a page.
    const leads = await listNotifications(lead);
    expect(leads.notifications.map((n) => n.title)).toEqual(["the lead's"]);
    expect((await listNotifications(member, { after: leads.notifications[0]!.id })).notifications).toEqual([]);
    expect((await listNotifications(outsider)).notifications).toEqual([]);
    // An API token has no inbox.
    expect(await listNotifications({ ...member, userId: null, tokenId: "t" })).toEqual({ notifications: [], hasMore: false });
  });
});

describe("marking notifications read", () => {
  it("marks one, then all, of the caller's own only", async () => {
    const a = await note(world.orgA.id, world.a.lead.id, "lead-a");
    const b = await note(world.orgA.id, world.a.lead.id, "lead-b");
    const others = await note(world.orgA.id, world.a.manager.id, "manager's");

    expect(await markNotificationsRead(lead, { id: a.id })).toEqual({ marked: 1 });
    expect(await readAtOf(a.id)).not.toBeNull();
    expect(await readAtOf(b.id)).toBeNull();
    // Again is fine and keeps the first read time.
    const firstRead = await readAtOf(a.id);
    expect(await markNotificationsRead(lead, { id: a.id })).toEqual({ marked: 0 });
    expect(await readAtOf(a.id)).toEqual(firstRead);

    const unreadBefore = await countUnreadNotifications(lead);
    expect(unreadBefore).toBeGreaterThan(0);
    expect((await markNotificationsRead(lead, { all: true })).marked).toBe(unreadBefore);
    expect(await countUnreadNotifications(lead)).toBe(0);
    expect(await readAtOf(b.id)).not.toBeNull();
    expect(await readAtOf(others.id)).toBeNull();
  });

  it("answers not found for another user's or organization's notification, and changes nothing", async () => {
    const target = await note(world.orgA.id, world.a.member.id, "not yours");
    for (const caller of [lead, outsider, callerOf(world.orgA.id, world.a.admin.id)]) {
      await expect(markNotificationsRead(caller, { id: target.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(markNotificationsRead(lead, { id: "does-not-exist" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The member's own id under the wrong organization is not theirs either.
    await expect(markNotificationsRead(callerOf(world.orgB.id, world.a.member.id), { id: target.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await readAtOf(target.id)).toBeNull();
    await expect(markNotificationsRead({ ...member, userId: null, tokenId: "t" }, { all: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await readAtOf(target.id)).toBeNull();
  });

  it("rejects input that is neither one id nor all", async () => {
    // @ts-expect-error — what a hand-made request could send.
    await expect(markNotificationsRead(member, { all: false })).rejects.toThrow();
    // @ts-expect-error — extra fields are not accepted (no mass assignment of userId).
    await expect(markNotificationsRead(member, { id: "x", userId: world.a.lead.id })).rejects.toThrow();
  });
});
