// Measures and points for integration tests, written straight to the database.
import { randomUUID } from "node:crypto";
import { testDb } from "./factories.ts";

type MeasureOverrides = Partial<{
  name: string;
  type: "COUNT" | "PROPORTION" | "RATE" | "CONTINUOUS" | "TIME_BETWEEN";
  frequency: "DAILY" | "WEEKLY" | "MONTHLY";
  direction: "UP" | "DOWN";
  unit: string;
  target: number | null;
  processId: string | null;
}>;

export async function createMeasureRow(orgId: string, teamId: string, overrides: MeasureOverrides = {}) {
  return testDb().measure.create({
    data: {
      organizationId: orgId,
      teamId,
      name: overrides.name ?? `Measure ${randomUUID().slice(0, 6)}`,
      type: overrides.type ?? "COUNT",
      frequency: overrides.frequency ?? "WEEKLY",
      direction: overrides.direction ?? "DOWN",
      unit: overrides.unit ?? "",
      target: overrides.target ?? null,
      processId: overrides.processId ?? null,
    },
    select: { id: true, name: true },
  });
}

/** Points on consecutive periods starting at `start` (days apart by `stepDays`). */
export async function createPointRows(
  orgId: string,
  measureId: string,
  start: Date,
  stepDays: number,
  points: { value?: number; numerator?: number; denominator?: number }[],
) {
  await testDb().dataPoint.createMany({
    data: points.map((p, i) => ({
      organizationId: orgId,
      measureId,
      periodStart: new Date(start.getTime() + i * stepDays * 86_400_000),
      value: p.value ?? null,
      numerator: p.numerator ?? null,
      denominator: p.denominator ?? null,
      source: "SEED" as const,
    })),
  });
}
