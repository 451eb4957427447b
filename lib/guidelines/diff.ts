// Pure diffs between two guideline versions: steps matched by their stable key, text by lines.
export type DiffStep = { key: string; position: number; title: string; detail: string };
export type StepChange = "added" | "removed" | "changed" | "unchanged";
export type StepDiff = {
  key: string;
  change: StepChange;
  before: DiffStep | null;
  after: DiffStep | null;
  /** Which fields differ for a changed step (a pure move counts as changed: "position"). */
  fields: ("title" | "detail" | "position")[];
};

/** In the new version's order, with removed steps placed after the step that preceded them. */
export function diffSteps(before: DiffStep[], after: DiffStep[]): StepDiff[] {
  const oldByKey = new Map(before.map((s) => [s.key, s]));
  const newKeys = new Set(after.map((s) => s.key));
  const result: StepDiff[] = after.map((step) => {
    const old = oldByKey.get(step.key);
    if (!old) return { key: step.key, change: "added", before: null, after: step, fields: [] };
    const fields: StepDiff["fields"] = [];
    if (old.title !== step.title) fields.push("title");
    if (old.detail !== step.detail) fields.push("detail");
    if (old.position !== step.position) fields.push("position");
    return { key: step.key, change: fields.length ? "changed" : "unchanged", before: old, after: step, fields };
  });
  const sortedOld = [...before].sort((a, b) => a.position - b.position);
  sortedOld.forEach((old, i) => {
    if (newKeys.has(old.key)) return;
    const removed: StepDiff = { key: old.key, change: "removed", before: old, after: null, fields: [] };
    // Anchor after the nearest earlier old step that still exists (or at the top).
    let anchor = -1;
    for (let j = i - 1; j >= 0 && anchor === -1; j--) {
      const prevKey = sortedOld[j]!.key;
      anchor = result.findIndex((r) => r.key === prevKey);
    }
    result.splice(anchor + 1, 0, removed);
  });
  return result;
}

export type LineDiff = { op: "same" | "add" | "del"; text: string }[];

/** Line diff by longest common subsequence; guideline texts are short, so O(n·m) is fine. */
export function diffLines(a: string, b: string): LineDiff {
  const x = a ? a.split("\n") : [];
  const y = b ? b.split("\n") : [];
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineDiff = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: "same", text: x[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: "del", text: x[i++]! });
    else out.push({ op: "add", text: y[j++]! });
  }
  while (i < n) out.push({ op: "del", text: x[i++]! });
  while (j < m) out.push({ op: "add", text: y[j++]! });
  return out;
}

export function summarizeStepDiff(diff: StepDiff[]): Record<StepChange, number> {
  const counts: Record<StepChange, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const d of diff) counts[d.change]++;
  return counts;
}
