import { Badge } from "@/components/ui/badge.tsx";

const tones = { DRAFT: "neutral", TENTATIVE: "amber", ADOPTED: "green", RETIRED: "neutral" } as const;
const labels = { DRAFT: "Draft", TENTATIVE: "Tentative (on trial)", ADOPTED: "Adopted", RETIRED: "Retired" } as const;

export function GuidelineStatusBadge({ status }: { status: string }) {
  const key = status as keyof typeof tones;
  return <Badge tone={tones[key] ?? "neutral"}>{labels[key] ?? status}</Badge>;
}

export function OverdueBadge() {
  return <Badge tone="red">Review overdue</Badge>;
}
