// Idempotent demo data: two organizations with a year of realistic, deterministic activity.
// Everything is planned in memory first and then written in one transaction with bulk inserts,
// so a failed run leaves nothing behind and a second run sees the first and does nothing.
import bcrypt from "bcryptjs";
import type { Db } from "../create-client.ts";
import { buildAdmin } from "./admin.ts";
import { buildCalendar } from "./context.ts";
import { buildExperiments } from "./experiments.ts";
import { buildFeedback } from "./feedback.ts";
import { buildGuidelines } from "./guidelines.ts";
import { DEMO_PASSWORD } from "./logins.ts";
import { buildMeasures } from "./measures.ts";
import { buildObservations } from "./observations.ts";
import { buildOrgs } from "./orgs.ts";
import { buildPulse } from "./pulse.ts";
import { createRng } from "./random.ts";
import { buildRetros } from "./retros.ts";

export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_RECEIPT_CODE } from "./logins.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The seed's marker: if this organization exists, the demo data is already there. */
const MARKER_SLUG = "st-olav";
// 2008: the year of Edmondson's "The Competitive Imperative of Learning".
const SEED = 0x2008;

class AlreadySeeded extends Error {}

export async function seedDemoData(db: Db, options: { now?: Date } = {}): Promise<{ seeded: boolean }> {
  if (await isSeeded(db)) return { seeded: false };
  // One hash for every demo user: bcrypt is deliberately slow, and the password is shared anyway.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const plan = buildPlan(options.now ?? new Date(), passwordHash);
  try {
    await db.$transaction(
      async (tx) => {
        if (await isSeeded(tx)) throw new AlreadySeeded();
        await writePlan(tx, plan);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    // A concurrent run may have committed first; our insert then fails on the unique slug.
    if (error instanceof AlreadySeeded || (await isSeeded(db))) return { seeded: false };
    throw error;
  }
  return { seeded: true };
}

async function isSeeded(client: Pick<Db, "organization"> | Pick<Tx, "organization">): Promise<boolean> {
  const org = await client.organization.findUnique({ where: { slug: MARKER_SLUG }, select: { id: true } });
  return org !== null;
}

type Plan = ReturnType<typeof buildPlan>;

function buildPlan(now: Date, passwordHash: string) {
  const cal = buildCalendar(now);
  const { world, rows: orgs } = buildOrgs(cal, createRng(SEED), passwordHash);
  const guidelines = buildGuidelines(world);
  const measures = buildMeasures(world, guidelines);
  const experiments = buildExperiments(world, guidelines, measures);
  const observations = buildObservations(world, guidelines, experiments);
  const feedback = buildFeedback(world, observations);
  const retros = buildRetros(world, guidelines, experiments, observations);
  const pulse = buildPulse(world);
  const admin = buildAdmin(world);
  return { orgs, guidelines, measures, experiments, observations, feedback, retros, pulse, admin };
}

async function writePlan(tx: Tx, plan: Plan): Promise<void> {
  const { orgs, guidelines, measures, experiments, observations, feedback, retros, pulse, admin } = plan;
  // Foreign-key order. Three pairs of tables point at each other (process ↔ current version,
  // version ↔ experiment/retro, retro ↔ focus item); the second half of each pair is set below.
  await tx.organization.createMany({ data: orgs.organizations });
  await tx.user.createMany({ data: orgs.users });
  await tx.team.createMany({ data: orgs.teams });
  await tx.membership.createMany({ data: orgs.memberships });
  await tx.process.createMany({ data: guidelines.processes });
  await tx.guidelineVersion.createMany({ data: guidelines.versions });
  await tx.guidelineStep.createMany({ data: guidelines.steps });
  await tx.measure.createMany({ data: measures.measures });
  await tx.dataPoint.createMany({ data: measures.dataPoints });
  await tx.experiment.createMany({ data: experiments.experiments });
  await tx.experimentMeasure.createMany({ data: experiments.links });
  await tx.retrospective.createMany({ data: retros.retros });
  await tx.retroItem.createMany({ data: retros.items });
  await tx.retroVote.createMany({ data: retros.votes });
  await tx.observation.createMany({ data: observations.rows });
  await tx.comment.createMany({ data: [...guidelines.comments, ...experiments.comments, ...feedback.comments] });
  await tx.notification.createMany({ data: feedback.notifications });
  await tx.actionItem.createMany({ data: retros.actions });
  await tx.pulseSurvey.createMany({ data: pulse.surveys });
  await tx.pulseResponse.createMany({ data: pulse.responses });
  await tx.pulseParticipation.createMany({ data: pulse.participation });
  await tx.apiToken.createMany({ data: admin.apiTokens });
  await tx.invitation.createMany({ data: admin.invitations });
  await tx.auditEvent.createMany({ data: admin.auditEvents });

  for (const { processId, versionId } of guidelines.currentVersions) {
    await tx.process.update({ where: { id: processId }, data: { currentVersionId: versionId }, select: { id: true } });
  }
  for (const source of guidelines.versionSources) {
    const sourceExperimentId = source.experiment ? experiments.ids.get(source.experiment) : undefined;
    await tx.guidelineVersion.update({
      where: { id: source.versionId },
      data: {
        ...(sourceExperimentId ? { sourceExperimentId } : {}),
        ...(source.retro === "cardio-closed" ? { sourceRetrospectiveId: retros.cardioClosedRetroId } : {}),
      },
      select: { id: true },
    });
  }
  for (const { retroId, itemId } of retros.focus) {
    await tx.retrospective.update({ where: { id: retroId }, data: { focusItemId: itemId }, select: { id: true } });
  }
}
