import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/observations/route.ts";
import { GET as listComments, POST as replyRoute } from "@/app/api/v1/observations/[id]/comments/route.ts";
import { lookupReceipt } from "@/lib/observations/lookup-receipt.ts";
import { markNotificationsReadByLink } from "@/lib/notifications/notify.ts";
import { listNotifications as listFor } from "@/lib/notifications/list-notifications.ts";
import { call } from "./support/api.ts";
import { createWorld, sessionCookie, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let memberCookie: string;
let leadCookie: string;
beforeAll(async () => {
  world = await createWorld();
  memberCookie = await sessionCookie(world.a.member.id);
  leadCookie = await sessionCookie(world.a.lead.id);
});

// The notification queries take the caller; only its person and organization matter here.
const listNotifications = async (orgId: string, userId: string, options: { unreadOnly?: boolean } = {}) =>
  (await listFor({ userId, orgId, tokenId: null, isOrgAdmin: false, name: "", email: null, teams: [] }, options)).notifications;

const create = (body: Record<string, unknown>) => call(createRoute, { method: "POST", cookie: memberCookie, body: { teamId: world.teamA1.id, ...body } });

describe("threads on observations", () => {
  it("a lead's reply is coaching (down), stamps the first response and notifies the named reporter", async () => {
    const obs = (await create({ kind: "idea", text: "Put gloves by the door", anonymous: false })).body.observation;
    const reply = await call(replyRoute, { method: "POST", cookie: leadCookie, params: { id: obs.id }, body: { body: "Good idea, trying it", closesLoop: true } });
    expect(reply.status).toBe(201);
    expect(reply.body.comment).toMatchObject({ direction: "down", closesLoop: true, author: { id: world.a.lead.id } });
    const row = await testDb().observation.findUniqueOrThrow({ where: { id: obs.id }, select: { firstResponseAt: true, status: true } });
    expect(row.firstResponseAt).not.toBeNull();
    expect(row.status).toBe("ACTED");
    const notes = await testDb().notification.findMany({ where: { userId: world.a.member.id } });
    expect(notes.some((n) => n.title.startsWith("You said, we did") && n.link.endsWith(obs.id))).toBe(true);

    const member = await call(replyRoute, { method: "POST", cookie: memberCookie, params: { id: obs.id }, body: { body: "Thanks" } });
    expect(member.body.comment.direction).toBe("up");
    expect((await call(replyRoute, { method: "POST", cookie: memberCookie, params: { id: obs.id }, body: { body: "x", closesLoop: true } })).status).toBe(403);
    const thread = await call(listComments, { cookie: memberCookie, params: { id: obs.id } });
    expect(thread.body.comments.map((c: { body: string }) => c.body)).toEqual(["Good idea, trying it", "Thanks"]);
  });

  it("unread notifications are listed until the observation is opened", async () => {
    const obs = (await create({ kind: "problem", text: "Notify me", anonymous: false })).body.observation;
    await call(replyRoute, { method: "POST", cookie: leadCookie, params: { id: obs.id }, body: { body: "On it" } });
    const link = `/teams/${world.teamA1.id}/observations/${obs.id}`;
    const unread = await listNotifications(world.orgA.id, world.a.member.id, { unreadOnly: true });
    expect(unread.some((n) => n.link === link)).toBe(true);
    await markNotificationsReadByLink(world.orgA.id, world.a.member.id, link);
    expect((await listNotifications(world.orgA.id, world.a.member.id, { unreadOnly: true })).some((n) => n.link === link)).toBe(false);
    // Another organization cannot mark them.
    expect((await listNotifications(world.orgB.id, world.a.member.id)).length).toBe(0);
  });

  it("answers 404 for replies to another organization's observation", async () => {
    const obs = (await create({ kind: "idea", text: "secret", anonymous: false })).body.observation;
    const outsider = await sessionCookie(world.b.lead.id);
    expect((await call(replyRoute, { method: "POST", cookie: outsider, params: { id: obs.id }, body: { body: "hi" } })).status).toBe(404);
    expect((await call(listComments, { cookie: outsider, params: { id: obs.id } })).status).toBe(404);
  });
});

describe("receipt codes", () => {
  it("let the anonymous reporter read replies without signing in, and notify no one", async () => {
    const created = await create({ kind: "near_miss", text: "Almost wrong dose", anonymous: true });
    const code = created.body.receiptCode as string;
    await call(replyRoute, { method: "POST", cookie: leadCookie, params: { id: created.body.observation.id }, body: { body: "We changed the label", closesLoop: true } });
    const view = await lookupReceipt(code.toLowerCase().replaceAll("-", " "));
    expect(view).toMatchObject({ text: "Almost wrong dose", status: "acted", kind: "near_miss" });
    expect(view?.replies.map((r) => r.body)).toEqual(["We changed the label"]);
    expect(JSON.stringify(view)).not.toContain(world.a.member.id);
    expect(await lookupReceipt("LL-AAAA-AAAA")).toBeNull();
    await expect(lookupReceipt("abc")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const notes = await testDb().notification.count({ where: { link: { contains: created.body.observation.id } } });
    expect(notes).toBe(0);
  });

  it("limits look-ups", async () => {
    process.env.RECEIPT_LOOKUP_LIMIT_PER_MINUTE = "1";
    try {
      await testDb().rateLimit.deleteMany({ where: { key: "receipt:lookup:global" } });
      await lookupReceipt("LL-AAAA-AAAA");
      await expect(lookupReceipt("LL-AAAA-AAAA")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    } finally {
      delete process.env.RECEIPT_LOOKUP_LIMIT_PER_MINUTE;
      await testDb().rateLimit.deleteMany({ where: { key: "receipt:lookup:global" } });
    }
  });
});
