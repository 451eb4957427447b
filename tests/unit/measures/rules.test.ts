import { describe, expect, it } from "vitest";
import { checkPointValues, displayMultiplier, normalisePeriod, parsePeriod, rateMultiplier, targetInChartUnits } from "@/lib/measures/rules.ts";

const d = (s: string) => new Date(s);

describe("normalisePeriod", () => {
  it("truncates to the UTC day, the ISO week's Monday and the month's first day", () => {
    expect(normalisePeriod(d("2026-03-04T23:59:00Z"), "DAILY").toISOString()).toBe("2026-03-04T00:00:00.000Z");
    expect(normalisePeriod(d("2026-03-04T10:00:00Z"), "WEEKLY").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    // Sunday belongs to the week that started on the Monday before (ISO), not the next one.
    expect(normalisePeriod(d("2026-03-08T22:00:00Z"), "WEEKLY").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(normalisePeriod(d("2026-03-02T00:00:00Z"), "WEEKLY").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(normalisePeriod(d("2026-01-01T05:00:00Z"), "WEEKLY").toISOString()).toBe("2025-12-29T00:00:00.000Z");
    expect(normalisePeriod(d("2026-02-28T12:00:00Z"), "MONTHLY").toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("keeps the timestamp for time-between events", () => {
    expect(normalisePeriod(d("2026-03-04T10:11:12.345Z"), "DAILY", "TIME_BETWEEN").toISOString()).toBe("2026-03-04T10:11:12.345Z");
  });

  it("reads a bare date as UTC midnight and an offset timestamp as written", () => {
    expect(parsePeriod("2026-03-04").toISOString()).toBe("2026-03-04T00:00:00.000Z");
    expect(parsePeriod("2026-03-04T01:00:00+02:00").toISOString()).toBe("2026-03-03T23:00:00.000Z");
    expect(parsePeriod("2026-02-30").getTime()).toBeNaN();
    expect(parsePeriod("2026-13-01").getTime()).toBeNaN();
    expect(parsePeriod("2028-02-29").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("checkPointValues", () => {
  it("needs numerator and denominator for proportions and rates", () => {
    expect(checkPointValues("PROPORTION", { numerator: 3, denominator: 4 })).toEqual({ value: null, numerator: 3, denominator: 4 });
    expect(checkPointValues("PROPORTION", { value: 0.5 })).toHaveProperty("error");
    expect(checkPointValues("PROPORTION", { numerator: 5, denominator: 4 })).toHaveProperty("error");
    expect(checkPointValues("RATE", { numerator: 5, denominator: 0 })).toHaveProperty("error");
    expect(checkPointValues("RATE", { numerator: 5, denominator: 4 })).toEqual({ value: null, numerator: 5, denominator: 4 });
  });

  it("needs whole non-negative counts and a value for other types", () => {
    expect(checkPointValues("COUNT", { value: 2 })).toEqual({ value: 2, numerator: null, denominator: null });
    expect(checkPointValues("COUNT", { value: 2.5 })).toHaveProperty("error");
    expect(checkPointValues("COUNT", { value: -1 })).toHaveProperty("error");
    expect(checkPointValues("CONTINUOUS", { value: -4.2 })).toEqual({ value: -4.2, numerator: null, denominator: null });
    expect(checkPointValues("CONTINUOUS", {})).toHaveProperty("error");
    expect(checkPointValues("TIME_BETWEEN", { value: -1 })).toHaveProperty("error");
  });

  it("refuses magnitudes beyond a trillion (the fuzzer's 1.8e308 once reached the database as a 500)", () => {
    expect(checkPointValues("CONTINUOUS", { value: 1e12 })).toEqual({ value: 1e12, numerator: null, denominator: null });
    expect(checkPointValues("CONTINUOUS", { value: -1e12 })).toEqual({ value: -1e12, numerator: null, denominator: null });
    expect(checkPointValues("CONTINUOUS", { value: Number.MAX_VALUE })).toHaveProperty("error");
    expect(checkPointValues("COUNT", { value: 1e13 })).toHaveProperty("error");
    expect(checkPointValues("RATE", { numerator: 1, denominator: 1e300 })).toHaveProperty("error");
    expect(checkPointValues("PROPORTION", { numerator: -1e200, denominator: 1 })).toHaveProperty("error");
  });
});

describe("display scaling", () => {
  it("reads the multiplier from a rate's unit and shows % proportions ×100", () => {
    expect(rateMultiplier("per 1,000 line days")).toBe(1000);
    expect(rateMultiplier("per 10 000 patient days")).toBe(10000);
    expect(rateMultiplier("per bed day")).toBe(1);
    expect(displayMultiplier("PROPORTION", "%")).toBe(100);
    expect(displayMultiplier("PROPORTION", "")).toBe(1);
    expect(displayMultiplier("COUNT", "per 1,000")).toBe(1);
    expect(targetInChartUnits("RATE", "per 1,000 line days", 1)).toBe(0.001);
    expect(targetInChartUnits("PROPORTION", "%", 0.95)).toBe(0.95);
  });
});
