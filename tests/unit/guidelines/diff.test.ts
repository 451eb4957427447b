import { describe, expect, it } from "vitest";
import { diffLines, diffSteps, summarizeStepDiff } from "@/lib/guidelines/diff.ts";
import { groupReasons, normalizeReason } from "@/lib/guidelines/reasons.ts";
import { isReviewOverdue, stepKeys } from "@/lib/guidelines/schema.ts";

const s = (key: string, position: number, title = key, detail = "") => ({ key, position, title, detail });

describe("diffSteps", () => {
  it("matches steps by key: added, removed, changed and unchanged", () => {
    const before = [s("hands", 1), s("checklist", 2), s("drape", 3, "Drape", "full body")];
    const after = [s("hands", 1), s("observer", 2), s("drape", 3, "Drape", "full-body drape"), s("review", 4)];
    const diff = diffSteps(before, after);
    expect(diff.map((d) => [d.key, d.change])).toEqual([
      ["hands", "unchanged"],
      ["checklist", "removed"],
      ["observer", "added"],
      ["drape", "changed"],
      ["review", "added"],
    ]);
    expect(diff.find((d) => d.key === "drape")?.fields).toEqual(["detail"]);
    expect(summarizeStepDiff(diff)).toEqual({ added: 2, removed: 1, changed: 1, unchanged: 1 });
  });

  it("reports a moved step as changed in position", () => {
    const diff = diffSteps([s("a", 1), s("b", 2)], [s("b", 1), s("a", 2)]);
    expect(diff.every((d) => d.change === "changed" && d.fields.includes("position"))).toBe(true);
  });

  it("handles empty versions", () => {
    expect(diffSteps([], [s("a", 1)])[0]?.change).toBe("added");
    expect(diffSteps([s("a", 1)], [])[0]?.change).toBe("removed");
  });
});

describe("diffLines", () => {
  it("keeps common lines and marks the rest", () => {
    expect(diffLines("a\nb\nc", "a\nc\nd")).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "same", text: "c" },
      { op: "add", text: "d" },
    ]);
    expect(diffLines("", "x")).toEqual([{ op: "add", text: "x" }]);
  });
});

describe("reasons", () => {
  it("groups different wordings of the same reason", () => {
    expect(normalizeReason("  Patient on  anticoagulants. ")).toBe("patient on anticoagulants");
    const groups = groupReasons(["Patient on anticoagulants.", "patient on anticoagulants", "No second nurse", "Patient on anticoagulants.", ""]);
    expect(groups).toEqual([
      { reason: "Patient on anticoagulants.", count: 3 },
      { reason: "No second nurse", count: 1 },
    ]);
  });
});

describe("guideline schema helpers", () => {
  it("derives unique step keys from titles and keeps given keys", () => {
    expect(stepKeys([{ title: "Confirm identity", detail: "" }, { title: "Confirm identity!", detail: "" }, { key: "kept", title: "X", detail: "" }])).toEqual([
      "confirm-identity",
      "confirm-identity-2",
      "kept",
    ]);
  });

  it("flags an overdue review only for versions in use", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const past = new Date("2026-05-01T00:00:00Z");
    expect(isReviewOverdue({ status: "ADOPTED", reviewBy: past }, now)).toBe(true);
    expect(isReviewOverdue({ status: "DRAFT", reviewBy: past }, now)).toBe(false);
    expect(isReviewOverdue({ status: "ADOPTED", reviewBy: null }, now)).toBe(false);
  });
});
