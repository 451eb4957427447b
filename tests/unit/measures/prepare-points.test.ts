import { describe, expect, it } from "vitest";
import { preparePoints } from "@/lib/measures/prepare-points.ts";
import { dataPointsToCsv, parseDataPointsCsv } from "@/lib/measures/csv.ts";

const now = new Date("2026-03-10T12:00:00Z");

describe("preparePoints", () => {
  it("normalises periods and returns nothing when any point is bad", () => {
    const ok = preparePoints({ type: "COUNT", frequency: "WEEKLY" }, [{ period: "2026-03-04", value: 1 }, { period: "2026-03-09", value: 2, note: "n" }], now);
    expect(ok.errors).toEqual([]);
    expect(ok.points.map((p) => [p.periodStart.toISOString(), p.value, p.note])).toEqual([
      ["2026-03-02T00:00:00.000Z", 1, null],
      ["2026-03-09T00:00:00.000Z", 2, "n"],
    ]);
    const bad = preparePoints({ type: "COUNT", frequency: "WEEKLY" }, [{ period: "2026-03-04", value: 1 }, { period: "2026-03-05", value: 2 }, { period: "2026-04-01", value: 1 }], now);
    expect(bad.points).toEqual([]);
    expect(bad.errors).toEqual([
      { row: 2, reason: "Same period as row 1 (2026-03-02)." },
      { row: 3, reason: "The period has not started yet." },
    ]);
  });
});

describe("CSV", () => {
  it("reads columns by header in any order and names bad rows by file line", () => {
    const parsed = parseDataPointsCsv("\uFEFFNote,Denominator,Numerator,Period\nfine,10,5,2026-01-05\n,10,x,2026-01-12\n\n,10,4,2026-01-19\n");
    expect(parsed.errors).toEqual([{ row: 3, reason: "Not a number in numerator." }]);
    expect(parsed.points).toEqual([
      { period: "2026-01-05", value: null, numerator: 5, denominator: 10, note: "fine" },
      { period: "2026-01-19", value: null, numerator: 4, denominator: 10 },
    ]);
    expect(parsed.lines).toEqual([2, 5]);
  });

  it("refuses a file without a period column and decimal commas", () => {
    expect(parseDataPointsCsv("when,value\n2026-01-01,1\n").errors[0]?.row).toBe(1);
    expect(parseDataPointsCsv('period,value\n2026-01-01,"1,5"\n').errors).toEqual([{ row: 2, reason: "Not a number in value." }]);
  });

  it("writes CSV that neutralises spreadsheet formulas", () => {
    const csv = dataPointsToCsv([
      { periodStart: new Date("2026-01-05T00:00:00Z"), value: 3, numerator: null, denominator: null, note: "=1+1", source: "MANUAL", updatedAt: new Date("2026-01-06T00:00:00Z") },
    ]);
    expect(csv.split(/\r?\n/)[1]).toBe("2026-01-05T00:00:00.000Z,3,,,'=1+1,MANUAL,2026-01-06T00:00:00.000Z");
  });
});
