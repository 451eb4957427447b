import type { ReactNode } from "react";

type Tone = "neutral" | "teal" | "amber" | "red" | "blue" | "green" | "violet";

// Dark text on light fills: every pair clears WCAG AA (4.5:1) at small sizes.
const tones: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  teal: "bg-teal-50 text-teal-900 ring-teal-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  blue: "bg-sky-50 text-sky-900 ring-sky-300",
  green: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  violet: "bg-violet-50 text-violet-900 ring-violet-300",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}

const roleTones: Record<string, Tone> = { ADMIN: "violet", MANAGER: "blue", LEAD: "teal", MEMBER: "neutral" };
const roleLabels: Record<string, string> = { ADMIN: "Admin", MANAGER: "Manager", LEAD: "Lead", MEMBER: "Member" };

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={roleTones[role] ?? "neutral"}>{roleLabels[role] ?? role}</Badge>;
}

export const roleLabel = (role: string) => roleLabels[role] ?? role;
