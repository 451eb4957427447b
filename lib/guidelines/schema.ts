import { z } from "zod";

export const GUIDELINE_STATUSES = ["DRAFT", "TENTATIVE", "ADOPTED", "RETIRED"] as const;
export type GuidelineStatusValue = (typeof GUIDELINE_STATUSES)[number];

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().max(max).default("");
const optionalRef = id.nullish().transform((v) => v ?? null);

export const createProcessInput = z.object({
  teamId: id,
  name: z.string().trim().min(2, "Name the process (at least 2 characters).").max(120),
  description: text(1000),
});
export type CreateProcessInput = z.infer<typeof createProcessInput>;

export const stepInput = z.object({
  /** Kept when a step is edited, so deviations stay comparable across versions; new steps get one. */
  key: z.string().trim().max(60).regex(/^[a-z0-9-]*$/, "Keys use lowercase letters, digits and dashes.").optional(),
  title: z.string().trim().min(1, "Each step needs a title.").max(200),
  detail: text(2000),
});
export type StepInput = z.infer<typeof stepInput>;

export const versionContentInput = z.object({
  title: z.string().trim().min(2, "Give the version a title.").max(200),
  body: text(20_000),
  evidence: text(10_000),
  rationale: text(5_000),
  changeSummary: text(5_000),
  reviewBy: z.iso.date().nullish().transform((v) => (v ? new Date(`${v}T00:00:00.000Z`) : null)),
  sourceExperimentId: optionalRef,
  sourceRetrospectiveId: optionalRef,
  steps: z.array(stepInput).max(50),
  /** Observations that prompted this version (same team). */
  promptedByObservationIds: z.array(id).max(50).default([]),
});
export type VersionContentInput = z.infer<typeof versionContentInput>;

export const changeStatusInput = z.object({ versionId: id, status: z.enum(GUIDELINE_STATUSES) });
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;

/** Which way a status may move. Retired is final; a draft may be discarded by retiring it. */
export const STATUS_TRANSITIONS: Record<GuidelineStatusValue, readonly GuidelineStatusValue[]> = {
  DRAFT: ["TENTATIVE", "ADOPTED", "RETIRED"],
  TENTATIVE: ["ADOPTED", "RETIRED"],
  ADOPTED: ["RETIRED"],
  RETIRED: [],
};

/** Tentative versions are in use on trial; adopted ones are the standard. Both can be current. */
export const IN_USE: readonly GuidelineStatusValue[] = ["TENTATIVE", "ADOPTED"];

export function isReviewOverdue(version: { status: string; reviewBy: Date | null }, now = new Date()): boolean {
  return Boolean(version.reviewBy && (IN_USE as readonly string[]).includes(version.status) && version.reviewBy.getTime() < now.getTime());
}

/** "Confirm patient identity" → "confirm-patient-identity", unique within the version. */
export function stepKeys(steps: StepInput[]): string[] {
  const used = new Set<string>();
  return steps.map((step) => {
    const base =
      step.key ||
      step.title
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 50) ||
      "step";
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}
