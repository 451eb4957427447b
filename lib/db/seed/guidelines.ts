// Processes, their guideline versions and steps, plus the lookups that observations need
// ("which version was in force when this happened, and which step is 'chg-prep' in it").
import type { Prisma } from "../generated/client.ts";
import type { TeamKey, World } from "./context.ts";
import { userId } from "./context.ts";
import { CARDIOLOGY_PROCESSES } from "./guidelines-cardiology.ts";
import { OTHER_PROCESSES } from "./guidelines-other.ts";
import type { ExperimentKey, VersionDef } from "./guidelines-types.ts";
import { DEVIATION_NOTE } from "./guidelines-types.ts";
import { addDays, addHours, minDate, newId } from "./random.ts";

export type VersionRef = { id: string; number: number; activeFrom: Date; steps: Map<string, string> };
export type ProcessRef = { id: string; team: TeamKey; slug: string; name: string; versions: VersionRef[] };

export type GuidelinePlan = {
  processes: Prisma.ProcessCreateManyInput[];
  versions: Prisma.GuidelineVersionCreateManyInput[];
  steps: Prisma.GuidelineStepCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  /** Applied after the versions exist (Process ↔ GuidelineVersion reference each other). */
  currentVersions: { processId: string; versionId: string }[];
  /** Applied after experiments and retrospectives exist. */
  versionSources: { versionId: string; experiment?: ExperimentKey; retro?: "cardio-closed" }[];
  refs: ProcessRef[];
  versionForExperiment: Map<ExperimentKey, string>;
};

export function buildGuidelines(world: World): GuidelinePlan {
  const { cal } = world;
  const plan: GuidelinePlan = {
    processes: [],
    versions: [],
    steps: [],
    comments: [],
    currentVersions: [],
    versionSources: [],
    refs: [],
    versionForExperiment: new Map(),
  };
  for (const def of [...CARDIOLOGY_PROCESSES, ...OTHER_PROCESSES]) {
    const team = world.teams[def.team];
    const processId = newId();
    const ref: ProcessRef = { id: processId, team: def.team, slug: def.slug, name: def.name, versions: [] };
    const firstCreated = createdAt(world, def.versions[0] as VersionDef);
    plan.processes.push({
      id: processId,
      organizationId: team.orgId,
      teamId: team.id,
      name: def.name,
      slug: def.slug,
      description: def.description,
      ownerId: userId(world, def.owner),
      createdAt: firstCreated,
    });
    def.versions.forEach((v, index) => {
      const id = newId();
      const number = index + 1;
      const created = createdAt(world, v);
      const adoptedAt = v.adopted === undefined ? null : cal.daysAgo(v.adopted, 8);
      const steps = new Map<string, string>();
      v.steps.forEach((step, i) => {
        const stepId = newId();
        steps.set(step.key, stepId);
        plan.steps.push({
          id: stepId,
          organizationId: team.orgId,
          guidelineVersionId: id,
          position: i + 1,
          key: step.key,
          title: step.title,
          detail: step.detail,
        });
      });
      plan.versions.push({
        id,
        organizationId: team.orgId,
        processId,
        number,
        status: v.status,
        title: `${def.name} v${number}`,
        body: renderBody(v),
        evidence: v.evidence,
        rationale: v.rationale,
        changeSummary: v.changeSummary,
        reviewBy: addDays(cal.today, v.reviewBy),
        authorId: userId(world, v.author),
        adoptedAt,
        createdAt: created,
      });
      ref.versions.push({ id, number, activeFrom: adoptedAt ?? created, steps });
      if (v.sourceExperiment || v.sourceRetro) {
        plan.versionSources.push({
          versionId: id,
          ...(v.sourceExperiment ? { experiment: v.sourceExperiment } : {}),
          ...(v.sourceRetro ? { retro: v.sourceRetro } : {}),
        });
      }
      if (v.sourceExperiment) plan.versionForExperiment.set(v.sourceExperiment, id);
    });
    const current = ref.versions[ref.versions.length - 1] as VersionRef;
    plan.currentVersions.push({ processId, versionId: current.id });
    plan.refs.push(ref);
  }
  addGuidelineComments(world, plan);
  return plan;
}

function createdAt(world: World, v: VersionDef): Date {
  return typeof v.created === "number" ? world.cal.daysAgo(v.created, 10) : v.created(world.cal);
}

function renderBody(v: VersionDef): string {
  const steps = v.steps.map((s, i) => `${i + 1}. **${s.title}.** ${s.detail}`).join("\n");
  return `${v.intro}\n\n## Steps\n\n${steps}\n\n${DEVIATION_NOTE}\n`;
}

export function processRef(plan: GuidelinePlan, team: TeamKey, slug: string): ProcessRef {
  const ref = plan.refs.find((p) => p.team === team && p.slug === slug);
  if (!ref) throw new Error(`seed: no process ${team}/${slug}`);
  return ref;
}

/** The version in force at `date`: the newest one adopted (or put on trial) by then. */
export function versionAt(ref: ProcessRef, date: Date): VersionRef {
  const inForce = ref.versions.filter((v) => v.activeFrom.getTime() <= date.getTime());
  return (inForce[inForce.length - 1] ?? ref.versions[0]) as VersionRef;
}

// Two-way feedback on guidelines themselves: staff report how a tentative version works in practice.
function addGuidelineComments(world: World, plan: GuidelinePlan) {
  const cardio = world.teams.cardio;
  const line = processRef(plan, "cardio", "central-line-insertion");
  const v3 = line.versions[2] as VersionRef;
  const handoff = processRef(plan, "cardio", "patient-handoff");
  const thread: [string, string, "UP" | "DOWN", string, number][] = [
    [v3.id, "nurse.cardio@stolav.example", "UP", "First insertion with the sand timer. 30 s feels long but the prep is visibly dry now.", 8],
    [v3.id, "nurse4.cardio@stolav.example", "UP", "The timer slides off the cart when the drawer opens. Could we get clip-on ones?", 26],
    [v3.id, "lead.cardio@stolav.example", "DOWN", "Good point, clip-on timers are ordered. Keep recording deviations during the trial: they decide whether v3 is adopted.", 34],
    [(handoff.versions[1] as VersionRef).id, "nurse6.cardio@stolav.example", "UP", "Night staff would like the I-PASS sheet on one page; the second page is never read.", 20],
  ];
  for (const [versionId, email, direction, body, hoursAfter] of thread) {
    const base = versionId === v3.id ? v3.activeFrom : world.cal.daysAgo(9, 6);
    plan.comments.push({
      id: newId(),
      organizationId: cardio.orgId,
      teamId: cardio.id,
      guidelineVersionId: versionId,
      authorId: userId(world, email),
      direction,
      body,
      // A short trial window can end before the later replies would have been written.
      createdAt: minDate(addHours(base, hoursAfter), addHours(world.cal.now, -1)),
    });
  }
}
