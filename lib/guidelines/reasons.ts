// Pure grouping of free-text deviation reasons: people write the same reason in different ways.
export type ReasonGroup = { reason: string; count: number };

/** Lower case, no punctuation at the ends, collapsed spaces: "Patient on anticoagulants." ≈ "patient on  anticoagulants". */
export function normalizeReason(reason: string): string {
  return reason
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .trim();
}

/** Groups by normalized text, labelled with the most common original wording; largest first. */
export function groupReasons(reasons: string[], limit = 5): ReasonGroup[] {
  const groups = new Map<string, { count: number; wordings: Map<string, number> }>();
  for (const raw of reasons) {
    const key = normalizeReason(raw);
    if (!key) continue;
    const group = groups.get(key) ?? { count: 0, wordings: new Map<string, number>() };
    group.count++;
    const wording = raw.trim();
    group.wordings.set(wording, (group.wordings.get(wording) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ reason: [...g.wordings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0], count: g.count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, limit);
}
