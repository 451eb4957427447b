// Found by the fuzzer (fuzz.test.ts, seed -210776386): a data-point value of 1.7976931348623157e308
// (Number.MAX_VALUE) reached PostgreSQL, which refused it (ValueOutOfRange), and the API answered
// 500. Values and targets are now bounded at the boundary: a clear 4xx, nothing stored.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createMeasure } from "@/app/api/v1/measures/route.ts";
import { POST as postPoints } from "@/app/api/v1/measures/[id]/data-points/route.ts";
import { PATCH as patchPoint } from "@/app/api/v1/measures/[id]/data-points/[pointId]/route.ts";
import { call } from "../support/api.ts";
import { createWorld, sessionCookie, testDb } from "../support/factories.ts";
import { createMeasureRow, createPointRows } from "../support/measure-factories.ts";

const TYPES = ["COUNT", "CONTINUOUS", "PROPORTION", "RATE", "TIME_BETWEEN"] as const;
const HUGE = [Number.MAX_VALUE, -Number.MAX_VALUE, 1e13];

let world: Awaited<ReturnType<typeof createWorld>>;
let lead: string;

beforeAll(async () => {
  world = await createWorld();
  lead = await sessionCookie(world.a.lead.id);
});

describe("huge numbers are refused with a clear 4xx, never a 500", () => {
  it("when a data point is edited, for every measure type", async () => {
    for (const type of TYPES) {
      const measure = await createMeasureRow(world.orgA.id, world.teamA1.id, { type, frequency: "WEEKLY" });
      await createPointRows(world.orgA.id, measure.id, new Date("2026-01-05T00:00:00Z"), 7, [{ value: 3, numerator: 1, denominator: 4 }]);
      const point = await testDb().dataPoint.findFirstOrThrow({ where: { measureId: measure.id }, select: { id: true, value: true, numerator: true, denominator: true } });
      for (const huge of HUGE) {
        const body = { value: huge, numerator: type === "PROPORTION" || type === "RATE" ? huge : null, denominator: type === "PROPORTION" || type === "RATE" ? huge : null, note: "n" };
        const res = await call(patchPoint, { method: "PATCH", cookie: lead, params: { id: measure.id, pointId: point.id }, body });
        expect(res.status, `${type} ${huge}: ${JSON.stringify(res.body)}`).toBe(422);
        expect(res.body.error.message).toMatch(/between/);
      }
      const after = await testDb().dataPoint.findUniqueOrThrow({ where: { id: point.id }, select: { id: true, value: true, numerator: true, denominator: true } });
      expect(after).toEqual(point);
    }
  });

  it("when points are recorded, and when a measure's target is set", async () => {
    const measure = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "CONTINUOUS", frequency: "WEEKLY" });
    const res = await call(postPoints, { method: "POST", cookie: lead, params: { id: measure.id }, body: { points: [{ period: "2026-02-02", value: Number.MAX_VALUE }] } });
    expect(res.status).toBe(422);
    expect(await testDb().dataPoint.count({ where: { measureId: measure.id } })).toBe(0);

    const created = await call(createMeasure, {
      method: "POST",
      cookie: lead,
      body: { teamId: world.teamA1.id, name: "Huge target", type: "CONTINUOUS", direction: "DOWN", frequency: "WEEKLY", target: Number.MAX_VALUE },
    });
    expect(created.status).toBe(400);
    expect(await testDb().measure.count({ where: { organizationId: world.orgA.id, name: "Huge target" } })).toBe(0);
  });
});
