// Measures and a year of data points. The series carry real signals on purpose, so the charts
// have something to find: a hand-hygiene shift when v2 was adopted, a CLABSI cluster (outlier),
// fewer handoff omissions after I-PASS, and an antibiotic-timing outlier during a system outage.
import type { MeasureDirection, MeasureFrequency, MeasureLabel, MeasureType, Prisma } from "../generated/client.ts";
import type { TeamKey, World } from "./context.ts";
import { EVENT_DAYS, userId } from "./context.ts";
import type { GuidelinePlan } from "./guidelines.ts";
import { processRef } from "./guidelines.ts";
import type { Rng } from "./random.ts";
import { DAY, addDays, addHours, minDate, newId, startOfIsoWeek, startOfUtcMonth } from "./random.ts";

export type MeasureKey =
  | "cardio-hand-hygiene"
  | "cardio-clabsi"
  | "cardio-handoff-omissions"
  | "cardio-antibiotic-time"
  | "ed-door-to-discharge"
  | "ed-checklist"
  | "ed-returns"
  | "primary-missed-hand-hygiene";

type Point = { value?: number; numerator?: number; denominator?: number; note?: string } | null;
/** `age` is the number of whole days between the period start and today. */
type PointFn = (p: { start: Date; age: number; monthsAgo: number; rng: Rng }) => Point;

type MeasureDef = {
  key: MeasureKey;
  team: TeamKey;
  process?: string;
  name: string;
  definition: string;
  type: MeasureType;
  direction: MeasureDirection;
  target: number | null;
  unit: string;
  frequency: MeasureFrequency;
  label: MeasureLabel;
  owner: string;
  point: PointFn;
};

const E = EVENT_DAYS;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const MEASURES: MeasureDef[] = [
  {
    key: "cardio-hand-hygiene", team: "cardio", process: "hand-hygiene", name: "Hand hygiene compliance",
    definition: "Numerator: observed hand hygiene opportunities (WHO 5 moments) where hand hygiene was performed. Denominator: all observed opportunities. Source: weekly covert audit, 20 minutes per bay, rotating bays and shifts. Excludes opportunities during resuscitation.",
    type: "PROPORTION", direction: "UP", target: 0.95, unit: "%", frequency: "WEEKLY", label: "PROCESS", owner: "lead.cardio@stolav.example",
    point: ({ age, rng }) => {
      const denominator = rng.int(55, 90);
      const p = age > E.hhExperimentStart ? 0.78 : age > E.hhV2Adopted ? 0.81 : 0.925;
      const note = age <= E.hhV2Adopted && age > E.hhV2Adopted - 7 ? "Hand hygiene v2 adopted: rub on every bed rail" : "";
      return { numerator: rng.binomial(denominator, p), denominator, ...(note ? { note } : {}) };
    },
  },
  {
    key: "cardio-clabsi", team: "cardio", process: "central-line-insertion", name: "CLABSI per 1,000 line days",
    definition: "Numerator: laboratory-confirmed bloodstream infections in patients with a central line in place for more than 2 days, not related to an infection at another site (NHSN CLABSI criteria), attributed to Ward 7. Denominator: line days, counted as patients with at least one central line at 00:00 each day.",
    type: "RATE", direction: "DOWN", target: 1, unit: "per 1,000 line days", frequency: "MONTHLY", label: "OUTCOME", owner: "lead.cardio@stolav.example",
    point: ({ monthsAgo, rng }) => {
      const denominator = rng.int(170, 260);
      if (monthsAgo === E.clabsiOutlierMonthsAgo) {
        return { numerator: 3, denominator, note: "Cluster of 3 CLABSIs; 2 were femoral lines inserted during emergencies" };
      }
      return { numerator: rng.poisson((1.4 * denominator) / 1000), denominator };
    },
  },
  {
    key: "cardio-handoff-omissions", team: "cardio", process: "patient-handoff", name: "Handoff omissions",
    definition: "Items known to the giving nurse but not handed over (pending result, task or safety concern), found by the receiving nurse at the first-hour safety check. All three daily handoffs combined; tallied on the phone.",
    type: "COUNT", direction: "DOWN", target: 1, unit: "omissions", frequency: "DAILY", label: "PROCESS", owner: "nurse.cardio@stolav.example",
    point: ({ age, rng }) => {
      // A few days were never tallied; real series have gaps.
      if (rng.chance(0.015)) return null;
      const lambda = age > E.handoffV2Adopted ? 3.1 : age > E.ipassStart ? 1.8 : 1.1;
      return { value: rng.poisson(lambda) };
    },
  },
  {
    key: "cardio-antibiotic-time", team: "cardio", name: "Time to first antibiotic (min)",
    definition: "Median minutes from sepsis flag (NEWS 5 or more with suspected infection) to the first IV antibiotic dose given, over all patients flagged that week. Source: electronic record timestamps, sent by the pharmacy system through the API.",
    type: "CONTINUOUS", direction: "DOWN", target: 60, unit: "min", frequency: "WEEKLY", label: "PROCESS", owner: "lead.cardio@stolav.example",
    point: ({ age, rng }) =>
      age >= 63 && age < 70
        ? { value: 124, note: "Pharmacy system down for two days; antibiotics fetched from the main pharmacy" }
        : { value: round(rng.normal(68, 7), 1) },
  },
  {
    key: "ed-door-to-discharge", team: "ed", process: "discharge", name: "Door-to-discharge time (h)",
    definition: "Median hours from registration to leaving the department, for adults discharged home that day. Excludes admitted patients and those who left before being seen. Source: ED tracking system.",
    type: "CONTINUOUS", direction: "DOWN", target: 4, unit: "h", frequency: "DAILY", label: "OUTCOME", owner: "lead.ed@stolav.example",
    point: ({ start, age, rng }) => {
      const weekday = start.getUTCDay();
      const dayEffect = weekday === 1 ? 0.5 : weekday === 0 || weekday === 6 ? -0.2 : 0;
      const level = age > E.dischargeV2Adopted ? 4.6 : age > E.loungeStart ? 4.35 : 3.9;
      return { value: round(Math.max(1.5, rng.normal(level + dayEffect, 0.45)), 2) };
    },
  },
  {
    key: "ed-checklist", team: "ed", process: "discharge", name: "Discharge checklist completion",
    definition: "Numerator: audited discharges with all six checklist steps documented (from v2, step 3 requires documented teach-back). Denominator: 10 randomly selected discharges per weekday.",
    type: "PROPORTION", direction: "UP", target: 0.9, unit: "%", frequency: "WEEKLY", label: "PROCESS", owner: "lead.ed@stolav.example",
    point: ({ age, rng }) => {
      const denominator = rng.int(42, 50);
      const p = age > E.teachBackStart ? 0.73 : age > E.dischargeV2Adopted ? 0.8 : 0.88;
      return { numerator: rng.binomial(denominator, p), denominator };
    },
  },
  {
    key: "ed-returns", team: "ed", process: "discharge", name: "Unplanned returns within 72 h",
    definition: "Adults discharged home who return to this ED unplanned within 72 hours with a related complaint. Balancing measure: faster discharge must not send people back.",
    type: "COUNT", direction: "DOWN", target: null, unit: "patients", frequency: "WEEKLY", label: "BALANCING", owner: "lead.ed@stolav.example",
    point: ({ rng }) => ({ value: rng.poisson(9) }),
  },
  {
    key: "primary-missed-hand-hygiene", team: "primary", process: "hand-hygiene", name: "Missed hand hygiene moments",
    definition: "Missed moments among 30 observed opportunities in the weekly spot check (rotating consulting rooms and the treatment room).",
    type: "COUNT", direction: "DOWN", target: 2, unit: "missed moments", frequency: "WEEKLY", label: "PROCESS", owner: "lead@riverside.example",
    point: ({ age, rng }) => ({ value: rng.poisson(age > 200 ? 7 : 3.5) }),
  },
];

export type MeasurePlan = {
  measures: Prisma.MeasureCreateManyInput[];
  dataPoints: Prisma.DataPointCreateManyInput[];
  ids: Map<MeasureKey, string>;
};

export function buildMeasures(world: World, guidelines: GuidelinePlan): MeasurePlan {
  const { cal, rng } = world;
  const plan: MeasurePlan = { measures: [], dataPoints: [], ids: new Map() };
  for (const def of MEASURES) {
    const team = world.teams[def.team];
    const id = newId();
    plan.ids.set(def.key, id);
    plan.measures.push({
      id,
      organizationId: team.orgId,
      teamId: team.id,
      processId: def.process ? processRef(guidelines, def.team, def.process).id : null,
      name: def.name,
      definition: def.definition,
      type: def.type,
      direction: def.direction,
      target: def.target,
      unit: def.unit,
      frequency: def.frequency,
      label: def.label,
      ownerId: userId(world, def.owner),
      createdAt: addDays(cal.today, -400),
    });
    for (const { start, end, monthsAgo } of periods(def.frequency, cal.today)) {
      const age = Math.round((cal.today.getTime() - start.getTime()) / DAY);
      const point = def.point({ start, age, monthsAgo, rng });
      if (!point) continue;
      plan.dataPoints.push({
        id: newId(),
        organizationId: team.orgId,
        measureId: id,
        periodStart: start,
        value: point.value ?? null,
        numerator: point.numerator ?? null,
        denominator: point.denominator ?? null,
        source: "SEED",
        note: point.note ?? "",
        // Entered the morning after the period closed, as a tally or import would be.
        createdAt: minDate(addHours(end, 9), cal.now),
      });
    }
  }
  return plan;
}

/** Completed periods only, over the last year: 365 days, 52 ISO weeks or 12 months. */
function periods(frequency: MeasureFrequency, today: Date): { start: Date; end: Date; monthsAgo: number }[] {
  const out: { start: Date; end: Date; monthsAgo: number }[] = [];
  if (frequency === "DAILY") {
    for (let i = 365; i >= 1; i--) out.push({ start: addDays(today, -i), end: addDays(today, -i + 1), monthsAgo: 0 });
  } else if (frequency === "WEEKLY") {
    const thisWeek = startOfIsoWeek(today);
    for (let i = 52; i >= 1; i--) out.push({ start: addDays(thisWeek, -7 * i), end: addDays(thisWeek, -7 * i + 7), monthsAgo: 0 });
  } else {
    for (let i = 12; i >= 1; i--) out.push({ start: startOfUtcMonth(today, -i), end: startOfUtcMonth(today, -i + 1), monthsAgo: i });
  }
  return out;
}
