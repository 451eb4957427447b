import type { ReactNode } from "react";
import { getSessionCaller } from "@/lib/auth/session.ts";
import { getMe } from "@/lib/users/get-me.ts";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications.ts";
import { toNotificationViews } from "@/lib/notifications/views.ts";
import { AppShell } from "@/components/layout/app-shell.tsx";

/**
 * The signed-in frame. It does not gate pages: Next renders a route's page even when its layout
 * redirects, and a redirect here would win and lose the page's return path. So every page calls
 * `requireSessionCaller(<its own path>)`; signed out, this layout renders the page bare and the
 * page sends the browser to sign-in with the right `callbackUrl`.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const caller = await getSessionCaller();
  if (!caller) return children;
  const [me, latest, unreadCount] = await Promise.all([getMe(caller), listNotifications(caller, { take: 8 }), countUnreadNotifications(caller)]);
  const notifications = { unreadCount, items: toNotificationViews(latest.notifications) };
  return (
    <AppShell orgName={me.organization.name} userName={me.name} userEmail={me.email} teams={me.teams} isOrgAdmin={me.isOrgAdmin} notifications={notifications}>
      {children}
    </AppShell>
  );
}
