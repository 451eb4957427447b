import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitation } from "@/lib/invitations/create-invitation.ts";
import { acceptInvitation } from "@/lib/invitations/accept-invitation.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { createWorld } from "./support/factories.ts";
import { startSmtp } from "./support/smtp.ts";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  world = await createWorld();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.stop();
});

describe("invitation email", () => {
  it("emails a working, single-use link to the invitee through SMTP", async () => {
    const admin = (await callerFromSession(world.a.admin.id, 0)) as Caller;
    const to = `mailed-${Date.now()}@example.test`;
    const result = await createInvitation(admin, { teamId: world.teamA1.id, email: to, role: "MEMBER" }, { baseUrl: "https://ll.example" });
    expect(result.emailed).toBe(true);
    const mail = smtp.messages.find((m) => m.to.includes(to));
    expect(mail).toBeDefined();
    // Quoted-printable may fold long lines: unfold before looking for the link.
    const body = mail!.raw.replace(/=\r?\n/g, "");
    expect(body).toContain("Ward A1");
    const link = /https:\/\/ll\.example\/invite\/(lli_[A-Za-z0-9_-]+)/.exec(body);
    expect(link?.[1]).toBe(result.path.replace("/invite/", ""));
    await expect(acceptInvitation({ token: link![1], name: "Mailed", password: "a-long-password" }, null)).resolves.toMatchObject({ createdAccount: true });
  });
});
