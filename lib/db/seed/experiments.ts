// PDSA experiments: one decided (its ADOPT produced a guideline version), one running and one
// planned per St Olav ward, so every stage of the cycle has something to show.
import type { ExperimentDecision, ExperimentStatus, Prisma } from "../generated/client.ts";
import type { TeamKey, World } from "./context.ts";
import { EVENT_DAYS, userId } from "./context.ts";
import type { GuidelinePlan } from "./guidelines.ts";
import { processRef } from "./guidelines.ts";
import type { ExperimentKey } from "./guidelines-types.ts";
import type { MeasureKey, MeasurePlan } from "./measures.ts";
import { addDays, addHours, minDate, newId } from "./random.ts";

type ExperimentDef = {
  key: ExperimentKey;
  team: TeamKey;
  process?: string;
  title: string;
  aim: string;
  changeIdea: string;
  prediction: string;
  successRule: string;
  status: ExperimentStatus;
  decision?: ExperimentDecision;
  learnings?: string;
  /** Days from now (negative = past). */
  start: number;
  end: number;
  owner: string;
  measures: MeasureKey[];
  comments?: [email: string, direction: "UP" | "DOWN", body: string][];
};

const E = EVENT_DAYS;

const EXPERIMENTS: ExperimentDef[] = [
  {
    key: "cardio-hh-bedside-rub", team: "cardio", process: "hand-hygiene",
    title: "Alcohol rub on the bed rail + 'gloves off, rub on' prompt",
    aim: "Raise hand hygiene compliance in bays 1–2 from 78% to at least 90% within 6 weeks.",
    changeIdea: "Mount an alcohol rub dispenser on every bed rail in bays 1–2 and put a 'gloves off, rub on' sticker on every glove box.",
    prediction: "Compliance in the test bays passes 88% within 3 weeks; no rise in skin complaints.",
    successRule: "Weekly compliance of 90% or more for 4 weeks in a row in the test bays, with no more than 2 skin complaints.",
    status: "DECIDED", decision: "ADOPT",
    learnings: "Compliance in bays 1–2 rose from 77% to 93% within 3 weeks and held. Bed-rail dispensers were used three times as often as wall dispensers. Two colleagues reported dry skin, so moisturiser is now stocked in every bay. Spread to the whole ward as hand hygiene v2.",
    start: -E.hhExperimentStart, end: -E.hhExperimentEnd, owner: "lead.cardio@stolav.example",
    measures: ["cardio-hand-hygiene"],
    comments: [
      ["nurse3.cardio@stolav.example", "UP", "Week 2: the bed-rail rub is in my hand before I think about it. The wall dispenser by bay 2 is hardly used now."],
      ["lead.cardio@stolav.example", "DOWN", "Thanks all. The data match what you are seeing: 93% in the test bays. We will adopt it ward-wide."],
    ],
  },
  {
    key: "cardio-ipass-bedside", team: "cardio", process: "patient-handoff",
    title: "Bedside I-PASS for the three sickest patients",
    aim: "Halve handoff omissions on Ward 7 (from about 1.8 to under 1 per day) by the end of the quarter.",
    changeIdea: "At the 07:30 and 21:30 handoffs, hand over the three patients with the highest NEWS score at the bedside using I-PASS, inviting the patient to listen and correct.",
    prediction: "Omissions for those patients fall to near zero; each handoff takes at most 5 minutes longer.",
    successRule: "Median daily omissions of 1 or fewer over 3 weeks, and handoff no more than 5 minutes longer.",
    status: "RUNNING", start: -E.ipassStart, end: 14, owner: "nurse.cardio@stolav.example",
    measures: ["cardio-handoff-omissions"],
    comments: [
      ["nurse2.cardio@stolav.example", "UP", "Patients like it. The man in bed 4 corrected his own allergy list during handoff."],
      ["nurse5.cardio@stolav.example", "UP", "Adds about 4 minutes on nights. Hard when the day shift is already late."],
      ["lead.cardio@stolav.example", "DOWN", "Useful, keep noting the extra minutes: they are our balancing measure for this test."],
    ],
  },
  {
    key: "cardio-sepsis-box", team: "cardio",
    title: "Pre-packed first-dose antibiotic box",
    aim: "First antibiotic within 60 minutes for 90% of patients flagged for suspected sepsis.",
    changeIdea: "Pharmacy prepares a sealed box with a first dose of piperacillin–tazobactam, a giving set and a pre-filled prescription sticker, kept on the resus trolley.",
    prediction: "Median time to first antibiotic drops from about 68 to under 50 minutes.",
    successRule: "Median under 50 minutes over 6 weeks, with no rise in antibiotics started without a sepsis flag.",
    status: "PLANNED", start: 7, end: 49, owner: "lead.cardio@stolav.example",
    measures: ["cardio-antibiotic-time"],
  },
  {
    key: "ed-teach-back", team: "ed", process: "discharge",
    title: "Teach-back for discharge medications",
    aim: "Raise discharge checklist completion from 73% to 85% without slowing discharge.",
    changeIdea: "For every patient going home with a new medication, the discharging nurse asks them to explain, in their own words, how and when to take it.",
    prediction: "Completion rises within 4 weeks; door-to-discharge time rises by less than 10 minutes; unplanned returns do not rise.",
    successRule: "Weekly completion of 85% or more for 3 weeks in a row, with unplanned returns within their usual range.",
    status: "DECIDED", decision: "ADOPT",
    learnings: "Completion rose from 73% to 88%. Teach-back took about a minute per patient and found misunderstandings in roughly 1 in 6, mostly about anticoagulants. Returns stayed in their usual range. Adopted as discharge v2; an interpreter is needed more often than expected.",
    start: -E.teachBackStart, end: -E.teachBackEnd, owner: "lead.ed@stolav.example",
    measures: ["ed-checklist", "ed-returns", "ed-door-to-discharge"],
  },
  {
    key: "ed-discharge-lounge", team: "ed", process: "discharge",
    title: "Discharge lounge for patients waiting for transport",
    aim: "Cut median door-to-discharge time below 4 hours while keeping returns steady.",
    changeIdea: "Patients who are ready to go but waiting for transport move to a staffed lounge by the entrance, freeing the cubicle.",
    prediction: "Door-to-discharge falls by about 30 minutes; cubicles free up earlier in the evening surge.",
    successRule: "Median door-to-discharge under 4 h for 2 weeks, with no rise in unplanned returns.",
    status: "RUNNING", start: -E.loungeStart, end: 16, owner: "nurse2.ed@stolav.example",
    measures: ["ed-door-to-discharge", "ed-returns"],
    comments: [["nurse4.ed@stolav.example", "UP", "Lounge works well until 20:00, then there is nobody to staff it."]],
  },
  {
    key: "ed-whiteboard-pending", team: "ed", process: "patient-handoff",
    title: "Pending-results column on the department whiteboard",
    aim: "No pending CT or blood result missed at shift handoff.",
    changeIdea: "Add a 'pending' column to the majors whiteboard, filled when a test is requested and wiped when the result is seen.",
    prediction: "Handoff deviations for 'pending results' fall to zero within a month.",
    successRule: "No 'pending results' deviations for 4 weeks.",
    status: "PLANNED", start: 10, end: 38, owner: "lead.ed@stolav.example",
    measures: [],
  },
];

export type ExperimentRef = { id: string; key: ExperimentKey; team: TeamKey; status: ExperimentStatus; start: Date; processSlug: string | null };

export type ExperimentPlan = {
  experiments: Prisma.ExperimentCreateManyInput[];
  links: Prisma.ExperimentMeasureCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  refs: ExperimentRef[];
  ids: Map<ExperimentKey, string>;
};

export function buildExperiments(world: World, guidelines: GuidelinePlan, measures: MeasurePlan): ExperimentPlan {
  const { cal } = world;
  const plan: ExperimentPlan = { experiments: [], links: [], comments: [], refs: [], ids: new Map() };
  for (const def of EXPERIMENTS) {
    const team = world.teams[def.team];
    const id = newId();
    const start = addDays(cal.today, def.start);
    const createdAt = addDays(start, -10);
    plan.ids.set(def.key, id);
    plan.refs.push({ id, key: def.key, team: def.team, status: def.status, start, processSlug: def.process ?? null });
    plan.experiments.push({
      id,
      organizationId: team.orgId,
      teamId: team.id,
      processId: def.process ? processRef(guidelines, def.team, def.process).id : null,
      title: def.title,
      aim: def.aim,
      changeIdea: def.changeIdea,
      prediction: def.prediction,
      successRule: def.successRule,
      status: def.status,
      decision: def.decision ?? null,
      learnings: def.learnings ?? "",
      startDate: start,
      endDate: addDays(cal.today, def.end),
      ownerId: userId(world, def.owner),
      resultingVersionId: def.decision === "ADOPT" ? (guidelines.versionForExperiment.get(def.key) ?? null) : null,
      createdAt: minDate(createdAt, addHours(cal.now, -2)),
    });
    for (const key of def.measures) {
      const measureId = measures.ids.get(key);
      if (measureId) plan.links.push({ organizationId: team.orgId, experimentId: id, measureId });
    }
    (def.comments ?? []).forEach(([email, direction, body], i) => {
      plan.comments.push({
        id: newId(),
        organizationId: team.orgId,
        teamId: team.id,
        experimentId: id,
        authorId: userId(world, email),
        direction,
        body,
        createdAt: minDate(addHours(start, 30 + i * 52), addHours(cal.now, -1)),
      });
    });
  }
  return plan;
}
