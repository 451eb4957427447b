// About 330 frontline observations over the last 90 days. Deviations point at the guideline
// version that was in force when they happened, so charts of deviations per version line up.
import type { ObservationKind, ObservationStatus, Prisma, Severity } from "../generated/client.ts";
import type { TeamKey, World } from "./context.ts";
import type { ExperimentPlan } from "./experiments.ts";
import type { GuidelinePlan } from "./guidelines.ts";
import { processRef, versionAt } from "./guidelines.ts";
import { DEMO_RECEIPT_CODE } from "./logins.ts";
import { CARDIOLOGY_TEMPLATES } from "./observation-texts-cardiology.ts";
import { ED_TEMPLATES, RIVERSIDE_TEMPLATES } from "./observation-texts-other.ts";
import type { ObservationTemplate } from "./observation-types.ts";
import type { Rng } from "./random.ts";
import { observationRequestHash } from "../../observations/request-hash.ts";
import type { CreateObservationInput } from "../../observations/schema.ts";
import { DAY, HOUR, addHours, addMs, fillTemplate, minDate, newId, receiptCode, sha256Hex, truncateToHour } from "./random.ts";

const TEMPLATES: Record<TeamKey, ObservationTemplate[]> = { cardio: CARDIOLOGY_TEMPLATES, ed: ED_TEMPLATES, primary: RIVERSIDE_TEMPLATES };
const COUNTS: Record<TeamKey, number> = { cardio: 172, ed: 136, primary: 31 };

const KIND_WEIGHTS: [ObservationKind, number][] = [
  ["DEVIATION", 30], ["PROBLEM", 22], ["NEAR_MISS", 14], ["WORKAROUND", 12], ["IDEA", 12], ["PRAISE", 10],
];
const DEFAULT_SEVERITY: Partial<Record<ObservationKind, [Severity, number][]>> = {
  DEVIATION: [["LOW", 3], ["MEDIUM", 4], ["HIGH", 1]],
  PROBLEM: [["LOW", 4], ["MEDIUM", 4], ["HIGH", 1]],
  NEAR_MISS: [["LOW", 1], ["MEDIUM", 3], ["HIGH", 3]],
  WORKAROUND: [["LOW", 5], ["MEDIUM", 2]],
};

export type ObservationRef = {
  id: string;
  team: TeamKey;
  kind: ObservationKind;
  status: ObservationStatus;
  anonymous: boolean;
  authorId: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  template: ObservationTemplate;
  text: string;
};

export type ObservationPlan = {
  rows: Prisma.ObservationCreateManyInput[];
  refs: ObservationRef[];
  demoReceiptObservationId: string;
};

export function buildObservations(world: World, guidelines: GuidelinePlan, experiments: ExperimentPlan): ObservationPlan {
  const { cal, rng } = world;
  const plan: ObservationPlan = { rows: [], refs: [], demoReceiptObservationId: "" };
  const usedCodes = new Set<string>([DEMO_RECEIPT_CODE]);
  const counters = new Map<string, number>();
  for (const teamKey of ["cardio", "ed", "primary"] as const) {
    const team = world.teams[teamKey];
    const running = experiments.refs.find((e) => e.team === teamKey && e.status === "RUNNING") ?? null;
    const drafts: { row: Prisma.ObservationCreateManyInput; ref: ObservationRef; code: string | null }[] = [];
    for (let i = 0; i < COUNTS[teamKey]; i++) {
      const occurredAt = addMs(cal.now, -Math.floor(rng.next() * 90 * DAY) - 15 * 60_000);
      const template = pickTemplate(rng, TEMPLATES[teamKey], (t) => {
        if (t.experiment) return running !== null && occurredAt >= running.start;
        if (t.sinceCentralLineV3) return occurredAt >= cal.centralLineV3At;
        if (t.beforeCentralLineV3) return occurredAt < cal.centralLineV3At;
        return true;
      });
      const process = template.process ? processRef(guidelines, teamKey, template.process) : null;
      const version = process ? versionAt(process, occurredAt) : null;
      const isDeviation = template.kind === "DEVIATION";
      const stepId = isDeviation && version && template.step ? version.steps.get(template.step) : undefined;
      if (isDeviation && !stepId) throw new Error(`seed: step ${template.step} missing in ${template.process}`);
      const linkVersion = version !== null && (isDeviation || rng.chance(0.5));

      const anonymous = rng.chance(template.kind === "NEAR_MISS" ? 0.3 : 0.18);
      const delay = rng.chance(0.1) ? rng.int(1, 6) * HOUR : rng.int(0, 40) * 60_000;
      const createdExact = minDate(addMs(occurredAt, delay), addMs(cal.now, -60_000));
      const createdAt = anonymous ? truncateToHour(createdExact) : createdExact;
      const status = pickStatus(rng, template.kind, (cal.now.getTime() - createdAt.getTime()) / DAY);
      const firstResponseAt = status === "NEW" ? null : minDate(addHours(createdExact, 0.5 + rng.next() * rng.pick([4, 12, 48])), addMs(cal.now, -5 * 60_000));
      const closedAt = status === "CLOSED" && firstResponseAt ? minDate(addHours(firstResponseAt, rng.int(6, 240)), addMs(cal.now, -60_000)) : null;
      const authorId = anonymous ? null : pickAuthor(rng, world, teamKey);
      const text = fillTemplate(rng.pick(template.texts), rng);
      const deviationReason = isDeviation ? fillTemplate(rng.pick(template.reasons ?? ["Not stated"]), rng) : null;
      const severityChoices = DEFAULT_SEVERITY[template.kind];
      const severity = template.severities ? rng.pick(template.severities) : severityChoices ? rng.weighted(severityChoices) : null;
      const code = anonymous ? uniqueCode(rng, usedCodes) : null;
      const id = newId();
      const row: Prisma.ObservationCreateManyInput = {
        id,
        organizationId: team.orgId,
        teamId: team.id,
        processId: process?.id ?? null,
        guidelineVersionId: linkVersion ? version.id : null,
        stepId: stepId ?? null,
        kind: template.kind,
        text,
        deviationReason,
        severity,
        anonymous,
        authorId,
        receiptCodeHash: code ? sha256Hex(code) : null,
        clientSubmissionId: "",
        requestHash: "",
        status,
        occurredAt: anonymous ? truncateToHour(occurredAt) : occurredAt,
        createdAt,
        firstResponseAt,
        closedAt,
        experimentId: template.experiment && running ? running.id : null,
        groupId: null,
      };
      const ref: ObservationRef = { id, team: teamKey, kind: template.kind, status, anonymous, authorId, createdAt, firstResponseAt, closedAt, template, text };
      drafts.push({ row, ref, code });
    }
    drafts.sort((a, b) => a.ref.createdAt.getTime() - b.ref.createdAt.getTime());
    groupRepeatedProblems(drafts.map((d) => d.row), drafts.map((d) => d.ref));
    for (const { row, ref } of drafts) {
      const n = (counters.get(team.orgId) ?? 0) + 1;
      counters.set(team.orgId, n);
      row.clientSubmissionId = `seed-${n}`;
      row.requestHash = requestHash(row);
      plan.rows.push(row);
      plan.refs.push(ref);
    }
    if (teamKey === "cardio") {
      const demo = drafts.find((d) => d.code && d.ref.template.weDid && (d.ref.status === "ACTED" || d.ref.status === "CLOSED"));
      if (!demo) throw new Error("seed: no anonymous cardiology observation for the demo receipt code");
      demo.row.receiptCodeHash = sha256Hex(DEMO_RECEIPT_CODE);
      plan.demoReceiptObservationId = demo.ref.id;
    }
  }
  return plan;
}

function pickTemplate(rng: Rng, templates: ObservationTemplate[], eligible: (t: ObservationTemplate) => boolean): ObservationTemplate {
  for (;;) {
    const kind = rng.weighted(KIND_WEIGHTS);
    const options = templates.filter((t) => t.kind === kind && eligible(t));
    if (options.length > 0) return rng.weighted(options.map((t) => [t, t.weight ?? 1] as const));
  }
}

function pickStatus(rng: Rng, kind: ObservationKind, ageDays: number): ObservationStatus {
  if (ageDays < 2) return rng.weighted([["NEW", 7], ["ACKNOWLEDGED", 3]]);
  if (kind === "PRAISE") return rng.weighted([["ACKNOWLEDGED", 1], ["CLOSED", 2]]);
  if (ageDays < 14) return rng.weighted([["NEW", 15], ["ACKNOWLEDGED", 45], ["ACTED", 30], ["CLOSED", 10]]);
  return rng.weighted([["NEW", 3], ["ACKNOWLEDGED", 20], ["ACTED", 30], ["CLOSED", 47]]);
}

// Amira (nurse.cardio) reports more than most, so her notifications and reply threads are rich.
function pickAuthor(rng: Rng, world: World, teamKey: TeamKey): string {
  const team = world.teams[teamKey];
  const nurse = world.users.get("nurse.cardio@stolav.example")?.id;
  const weighted = team.memberIds.map((id) => [id, id === nurse ? 4 : 1] as const);
  return rng.weighted([...weighted, [team.leadId, 1]]);
}

function uniqueCode(rng: Rng, used: Set<string>): string {
  for (;;) {
    const code = receiptCode(rng);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

// Triage merges repeat reports of the same problem (same wording, within ten days) into the first.
function groupRepeatedProblems(rows: Prisma.ObservationCreateManyInput[], refs: ObservationRef[]) {
  const parents = new Map<string, number>();
  refs.forEach((ref, i) => {
    if (ref.kind !== "PROBLEM") return;
    const parent = parents.get(ref.text);
    const parentRef = parent === undefined ? undefined : refs[parent];
    if (parentRef && ref.createdAt.getTime() - parentRef.createdAt.getTime() < 10 * DAY) {
      (rows[i] as Prisma.ObservationCreateManyInput).groupId = parentRef.id;
    } else {
      parents.set(ref.text, i);
    }
  });
}

// The API's own hash (lowercase API values), so seeded rows look exactly like submissions that
// came through the API and replay the same way.
function requestHash(row: Prisma.ObservationCreateManyInput): string {
  const occurredAt = row.occurredAt instanceof Date ? row.occurredAt.toISOString() : row.occurredAt;
  // Create-many inputs may hold Prisma.skip; the seed only ever sets strings or null.
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return observationRequestHash({
    teamId: row.teamId,
    kind: row.kind.toLowerCase() as CreateObservationInput["kind"],
    text: row.text,
    processId: text(row.processId),
    stepId: text(row.stepId),
    deviationReason: text(row.deviationReason),
    severity: text(row.severity)?.toLowerCase() as CreateObservationInput["severity"],
    anonymous: row.anonymous === true,
    occurredAt,
    clientSubmissionId: undefined,
  });
}
