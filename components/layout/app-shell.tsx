"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell.tsx";
import type { NotificationView } from "@/components/notifications/notification-items.tsx";
import { AppNav, type NavTeam } from "./app-nav.tsx";
import { LoopMark } from "./logo.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

type Props = {
  orgName: string;
  userName: string;
  userEmail: string | null;
  teams: NavTeam[];
  isOrgAdmin: boolean;
  notifications: { unreadCount: number; items: NotificationView[] };
  children: ReactNode;
};

/**
 * The signed-in frame: a header, a sidebar on wide screens and a menu panel on phones (the same
 * navigation, only one of them is displayed at a time), and the main landmark.
 */
export function AppShell({ orgName, userName, userEmail, teams, isOrgAdmin, notifications, children }: Props) {
  const pathname = usePathname();
  // The menu is open for the page it was opened on: navigating closes it without an effect.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-3 font-semibold text-teal-900 shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-7xl items-center gap-3 px-4 sm:px-6">
          <Link href="/" className="flex min-h-11 min-w-0 items-center gap-2 rounded-md text-teal-800">
            <LoopMark className="h-6 w-6 shrink-0" />
            <span className="text-base font-bold">Learning Loop</span>
          </Link>
          <span className="hidden h-6 w-px bg-slate-300 sm:block" aria-hidden="true" />
          <span className="hidden min-w-0 truncate text-sm text-slate-700 sm:block" title={orgName}>
            {orgName}
          </span>
          <div className="ml-auto flex items-center gap-3">
            <NotificationBell unreadCount={notifications.unreadCount} items={notifications.items} />
            <span className="hidden text-right text-sm leading-tight md:block">
              <span className="block font-medium text-slate-900">{userName}</span>
              {userEmail ? <span className="block text-xs text-slate-600">{userEmail}</span> : null}
            </span>
            <div className="hidden md:block">
              <SignOutButton />
            </div>
            <button
              type="button"
              className="inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 md:hidden"
              aria-expanded={menuOpen}
              aria-controls="mobile-menu"
              onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
            >
              <MenuIcon open={menuOpen} />
              Menu
            </button>
          </div>
        </div>
        {menuOpen ? (
          <div id="mobile-menu" className="max-h-[calc(100dvh-4rem)] overflow-y-auto border-t border-slate-200 bg-white px-4 pb-4 md:hidden">
            <p className="pt-3 text-sm text-slate-700">
              <span className="font-medium text-slate-900">{userName}</span> · {orgName}
            </p>
            <nav aria-label="Main" className="pt-2">
              <AppNav teams={teams} isOrgAdmin={isOrgAdmin} idPrefix="mobile-nav" />
            </nav>
            <SignOutButton className="mt-4 w-full" />
          </div>
        ) : null}
      </header>
      <div className="mx-auto flex max-w-7xl">
        <nav aria-label="Main" className="sticky top-16 hidden max-h-[calc(100dvh-4rem)] w-64 shrink-0 overflow-y-auto border-r border-slate-200 px-3 py-6 md:block">
          <AppNav teams={teams} isOrgAdmin={isOrgAdmin} idPrefix="side-nav" />
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
    </svg>
  );
}
