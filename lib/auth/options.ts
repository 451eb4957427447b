import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import AzureADProvider from "next-auth/providers/azure-ad";
import { z } from "zod";
import { getDb } from "@/lib/db/client.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { verifyPassword } from "./crypto.ts";
import { sessionPolicy } from "./session-policy.ts";
import { loginThrottle, recordLoginFailure } from "./login-throttle.ts";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

function header(req: { headers?: Record<string, unknown> } | undefined, name: string): string | null {
  const value = req?.headers?.[name];
  return typeof value === "string" ? value : null;
}

/** OAuth providers are optional: each is on only when its environment variables are set. */
function oauthProviders() {
  const env = process.env;
  const providers = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID)
    providers.push(
      AzureADProvider({
        clientId: env.AZURE_AD_CLIENT_ID,
        clientSecret: env.AZURE_AD_CLIENT_SECRET,
        tenantId: env.AZURE_AD_TENANT_ID,
      }),
    );
  return providers;
}

export const enabledOAuthProviders = () => oauthProviders().map((p) => ({ id: p.id, name: p.name }));

export const authOptions: NextAuthOptions = {
  // The cookie lives for the idle timeout; activity renews it (components/layout/session-keepalive.tsx
  // calls /api/auth/session, which re-issues it). The absolute limit is checked on every request
  // from the sign-in time in the token (lib/auth/session.ts).
  session: { strategy: "jwt", maxAge: sessionPolicy.idleSeconds, updateAge: 0 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        const ip = header(req, "x-forwarded-for")?.split(",")[0]?.trim() ?? null;
        const userAgent = header(req, "user-agent");
        if (!parsed.success) return null;
        const throttle = await loginThrottle(parsed.data.email, ip);
        if (throttle.delayMs) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
        if (throttle.blocked) {
          await recordAuditEvent({ orgId: null, actorId: null, action: "auth.sign_in_throttled", ip, userAgent, metadata: { email: parsed.data.email } });
          return null;
        }
        const user = await getDb().user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, name: true, email: true, organizationId: true, deactivatedAt: true, passwordHash: true },
        });
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !ok || user.deactivatedAt) {
          await recordLoginFailure(parsed.data.email, ip);
          await recordAuditEvent({
            orgId: user?.organizationId ?? null,
            actorId: user?.id ?? null,
            action: "auth.sign_in_failed",
            ip,
            userAgent,
            metadata: { email: parsed.data.email },
          });
          return null;
        }
        await recordAuditEvent({ orgId: user.organizationId, actorId: user.id, action: "auth.sign_in", ip, userAgent });
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // OAuth only signs in people who already have an account (by invitation): no self-registration
    // into someone else's organization through a third-party identity.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      if (!user.email) return false;
      const existing = await getDb().user.findUnique({
        where: { email: user.email.toLowerCase() },
        select: { id: true, deactivatedAt: true },
      });
      return Boolean(existing && !existing.deactivatedAt);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const row = await getDb().user.findUnique({
          where: { email: (user.email ?? "").toLowerCase() },
          select: { id: true, sessionVersion: true },
        });
        if (row) {
          token.uid = row.id;
          token.sv = row.sessionVersion;
          token.authTime = Math.floor(Date.now() / 1000);
        }
      }
      return token;
    },
    async session({ session }) {
      // The session object the browser sees carries no roles: those are read from the database.
      return { ...session, user: { name: session.user?.name ?? null, email: session.user?.email ?? null } };
    },
  },
  events: {
    // Logging out bumps the session version, so a copied cookie is rejected afterwards.
    async signOut({ token }) {
      const uid = typeof token?.uid === "string" ? token.uid : null;
      if (!uid) return;
      await getDb().user.updateMany({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } });
      const user = await getDb().user.findUnique({ where: { id: uid }, select: { organizationId: true } });
      if (user) await recordAuditEvent({ orgId: user.organizationId, actorId: uid, action: "auth.sign_out" });
    },
  },
};
