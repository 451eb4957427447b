// The demo seed against a real database: idempotent, complete, and consistent with the tenancy
// and anonymity rules that the app relies on. The database is shared with other test files, so
// every query is scoped to the two seeded organizations.
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client.ts";
import { seedDemoData } from "@/lib/db/seed/index.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_RECEIPT_CODE } from "@/lib/db/seed/logins.ts";

// A fixed clock keeps the generated data identical from run to run.
const NOW = new Date("2026-03-04T09:30:00Z");
const DAY = 86_400_000;

let db: Db;
let orgIds: string[];
const inSeed = () => ({ organizationId: { in: orgIds } });

beforeAll(async () => {
  db = createPrismaClient(process.env.TEST_DATABASE_URL!, { max: 4 });
  const alreadyThere = (await db.organization.count({ where: { slug: "st-olav" } })) > 0;
  const started = Date.now();
  const first = await seedDemoData(db, { now: NOW });
  expect(first).toEqual({ seeded: !alreadyThere });
  if (!alreadyThere) expect(Date.now() - started).toBeLessThan(15_000);
  const orgs = await db.organization.findMany({ where: { slug: { in: ["st-olav", "riverside"] } }, select: { id: true } });
  orgIds = orgs.map((o) => o.id);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
});

describe("seedDemoData", () => {
  it("does nothing the second time", async () => {
    const before = await db.observation.count({ where: inSeed() });
    expect(await seedDemoData(db, { now: NOW })).toEqual({ seeded: false });
    expect(await db.observation.count({ where: inSeed() })).toBe(before);
    expect(orgIds).toHaveLength(2);
  });

  it("creates the fixed logins with their organizations, roles and memberships", async () => {
    const users = await db.user.findMany({
      where: { email: { in: DEMO_LOGINS.map((l) => l.email) } },
      select: {
        email: true,
        orgRole: true,
        passwordHash: true,
        organization: { select: { slug: true } },
        memberships: { select: { role: true, organizationId: true, team: { select: { slug: true } } } },
      },
    });
    expect(users).toHaveLength(DEMO_LOGINS.length);
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const teamsOf = (email: string) =>
      (byEmail.get(email)?.memberships ?? []).map((m) => `${m.team.slug}:${m.role}`).sort();

    expect(byEmail.get("admin@stolav.example")).toMatchObject({ orgRole: "ADMIN", organization: { slug: "st-olav" } });
    expect(teamsOf("admin@stolav.example")).toEqual([]);
    expect(teamsOf("manager@stolav.example")).toEqual(["cardiology-ward-7:MANAGER", "emergency-department:MANAGER"]);
    expect(teamsOf("lead.cardio@stolav.example")).toEqual(["cardiology-ward-7:LEAD"]);
    expect(teamsOf("nurse.cardio@stolav.example")).toEqual(["cardiology-ward-7:MEMBER"]);
    expect(teamsOf("lead.ed@stolav.example")).toEqual(["emergency-department:LEAD"]);
    expect(byEmail.get("admin@riverside.example")).toMatchObject({ orgRole: "ADMIN", organization: { slug: "riverside" } });
    expect(teamsOf("lead@riverside.example")).toEqual(["primary-care:LEAD"]);
    for (const user of users) expect(user.email).toBe(user.email.toLowerCase());

    const wards = await db.membership.groupBy({ by: ["teamId"], where: inSeed(), _count: true });
    expect(wards).toHaveLength(3);
    // Riverside's team is small (lead + 3); the St Olav wards have about ten people each.
    expect(wards.map((w) => w._count).sort((a, b) => a - b)).toEqual([4, 9, 10]);

    // One shared hash, and it really is the demo password.
    const hashes = await db.user.findMany({ where: inSeed(), select: { passwordHash: true }, distinct: ["passwordHash"] });
    expect(hashes).toHaveLength(1);
    expect(await bcrypt.compare(DEMO_PASSWORD, hashes[0]!.passwordHash!)).toBe(true);
  });

  it("points every process at one of its own versions, with numbered versions and keyed steps", async () => {
    const processes = await db.process.findMany({
      where: inSeed(),
      select: {
        id: true,
        name: true,
        currentVersion: { select: { processId: true, status: true } },
        versions: { select: { number: true, evidence: true, steps: { select: { position: true, key: true } } }, orderBy: { number: "asc" } },
      },
    });
    expect(processes).toHaveLength(6);
    for (const p of processes) {
      expect(p.currentVersion?.processId).toBe(p.id);
      expect(["ADOPTED", "TENTATIVE"]).toContain(p.currentVersion?.status);
      expect(p.versions.map((v) => v.number)).toEqual(p.versions.map((_, i) => i + 1));
      for (const v of p.versions) {
        expect(v.evidence).not.toBe("");
        expect(v.steps.map((s) => s.position).sort((a, b) => a - b)).toEqual(v.steps.map((_, i) => i + 1));
        for (const s of v.steps) expect(s.key).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      }
    }
    expect(processes.find((p) => p.name === "Central line insertion")?.versions).toHaveLength(3);
    expect(await db.guidelineVersion.count({ where: { ...inSeed(), reviewBy: { lt: NOW }, currentOf: { isNot: null } } })).toBeGreaterThan(0);

    // A decided experiment and the version it produced point at each other.
    const decided = await db.experiment.findMany({
      where: { ...inSeed(), status: "DECIDED", decision: "ADOPT" },
      select: { id: true, resultingVersion: { select: { sourceExperimentId: true } } },
    });
    expect(decided.length).toBeGreaterThanOrEqual(2);
    for (const e of decided) expect(e.resultingVersion?.sourceExperimentId).toBe(e.id);
  });

  it("records at least 300 observations of all six kinds that respect anonymity", async () => {
    expect(await db.observation.count({ where: inSeed() })).toBeGreaterThanOrEqual(300);
    const kinds = await db.observation.groupBy({ by: ["kind"], where: inSeed(), _count: true });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["DEVIATION", "IDEA", "NEAR_MISS", "PRAISE", "PROBLEM", "WORKAROUND"]);

    const anonymous = await db.observation.findMany({
      where: { ...inSeed(), anonymous: true },
      select: { authorId: true, createdAt: true, occurredAt: true, receiptCodeHash: true },
    });
    expect(anonymous.length).toBeGreaterThan(30);
    for (const o of anonymous) {
      expect(o.authorId).toBeNull();
      expect(o.receiptCodeHash).toMatch(/^[0-9a-f]{64}$/);
      for (const d of [o.createdAt, o.occurredAt]) expect([d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]).toEqual([0, 0, 0]);
    }
    expect(await db.observation.count({ where: { ...inSeed(), anonymous: false, authorId: null } })).toBe(0);
    expect(await db.observation.count({ where: { ...inSeed(), status: { not: "NEW" }, firstResponseAt: null } })).toBe(0);

    const deviations = await db.observation.findMany({
      where: { ...inSeed(), kind: "DEVIATION" },
      select: { teamId: true, deviationReason: true, step: { select: { guidelineVersionId: true } }, guidelineVersionId: true, guidelineVersion: { select: { process: { select: { teamId: true } } } } },
    });
    for (const d of deviations) {
      expect(d.deviationReason?.trim()).toBeTruthy();
      expect(d.step?.guidelineVersionId).toBe(d.guidelineVersionId);
      expect(d.guidelineVersion?.process.teamId).toBe(d.teamId);
    }

    // The documented demo receipt code opens an anonymous report with a "you said, we did" reply.
    const demo = await db.observation.findUnique({
      where: { receiptCodeHash: createHash("sha256").update(DEMO_RECEIPT_CODE).digest("hex") },
      select: { anonymous: true, comments: { select: { closesLoop: true } } },
    });
    expect(demo?.anonymous).toBe(true);
    expect(demo?.comments.some((c) => c.closesLoop)).toBe(true);
  });

  it("has reply threads in both directions and notifies the cardiology nurse", async () => {
    const threads = await db.comment.groupBy({ by: ["observationId"], where: { ...inSeed(), observationId: { not: null } } });
    expect(threads.length).toBeGreaterThanOrEqual(35);
    const directions = await db.comment.groupBy({ by: ["direction", "closesLoop"], where: { ...inSeed(), observationId: { not: null } }, _count: true });
    expect(directions.map((d) => `${d.direction}:${d.closesLoop}`).sort()).toEqual(["DOWN:false", "DOWN:true", "UP:false"]);
    expect(await db.notification.count({ where: { user: { email: "nurse.cardio@stolav.example" } } })).toBeGreaterThan(0);
  });

  it("has a year of data points for the measures, one per aligned period", async () => {
    const measures = await db.measure.findMany({
      where: inSeed(),
      select: { type: true, frequency: true, dataPoints: { select: { periodStart: true, numerator: true, denominator: true, value: true, source: true } } },
    });
    expect(measures.filter((m) => m.dataPoints.length > 0).length).toBeGreaterThanOrEqual(6);
    for (const m of measures) {
      const starts = m.dataPoints.map((p) => p.periodStart.getTime());
      expect(new Set(starts).size).toBe(starts.length);
      for (const p of m.dataPoints) {
        const d = p.periodStart;
        expect(d.getTime() % DAY).toBe(0);
        if (m.frequency === "WEEKLY") expect(d.getUTCDay()).toBe(1);
        if (m.frequency === "MONTHLY") expect(d.getUTCDate()).toBe(1);
        expect(d.getTime()).toBeLessThan(NOW.getTime());
        expect(p.source).toBe("SEED");
        if (m.type === "PROPORTION" || m.type === "RATE") expect(p.numerator!).toBeLessThanOrEqual(p.denominator!);
        else expect(p.value).not.toBeNull();
      }
    }
    const daily = measures.filter((m) => m.frequency === "DAILY");
    expect(Math.max(...daily.map((m) => m.dataPoints.length))).toBeGreaterThanOrEqual(350);
  });

  it("keeps every tenant row in its team's (or parent's) organization", async () => {
    const checks: [string, string, string][] = [
      ["Membership", "Team", "teamId"],
      ["Process", "Team", "teamId"],
      ["Observation", "Team", "teamId"],
      ["Comment", "Team", "teamId"],
      ["Measure", "Team", "teamId"],
      ["Experiment", "Team", "teamId"],
      ["Retrospective", "Team", "teamId"],
      ["ActionItem", "Team", "teamId"],
      ["PulseSurvey", "Team", "teamId"],
      ["ApiToken", "Team", "teamId"],
      ["GuidelineVersion", "Process", "processId"],
      ["GuidelineStep", "GuidelineVersion", "guidelineVersionId"],
      ["DataPoint", "Measure", "measureId"],
      ["RetroItem", "Retrospective", "retrospectiveId"],
      ["PulseResponse", "PulseSurvey", "surveyId"],
      ["Observation", "User", "authorId"],
      ["Membership", "User", "userId"],
    ];
    for (const [table, parent, column] of checks) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `select count(*)::int as n from "${table}" c join "${parent}" p on p.id = c."${column}"
         where c."organizationId" = any($1) and c."organizationId" <> p."organizationId"`,
        orgIds,
      );
      expect({ table, column, mismatches: rows[0]!.n }).toEqual({ table, column, mismatches: 0 });
    }
  });

  it("gives each St Olav ward a closed retrospective with a voted focus, an open one, and a pulse", async () => {
    const teams = await db.team.findMany({
      where: { organization: { slug: "st-olav" } },
      select: {
        retrospectives: { select: { id: true, status: true, rootCause: true, focusItem: { select: { retrospectiveId: true, _count: { select: { votes: true } } } }, items: { select: { anonymous: true, authorId: true, _count: { select: { votes: true } } } } } },
        pulseSurveys: { select: { responses: { select: { answers: true } }, _count: { select: { participation: true } } } },
      },
    });
    expect(teams).toHaveLength(2);
    for (const team of teams) {
      const closed = team.retrospectives.find((r) => r.status === "CLOSED");
      expect(team.retrospectives.some((r) => r.status === "OPEN")).toBe(true);
      expect(closed?.focusItem?.retrospectiveId).toBe(closed?.id);
      expect(closed?.rootCause).not.toBe("");
      expect(closed?.focusItem?._count.votes).toBe(Math.max(...closed!.items.map((i) => i._count.votes)));
      for (const item of closed!.items) if (item.anonymous) expect(item.authorId).toBeNull();
      expect(closed!.items.some((i) => i.anonymous)).toBe(true);

      const [survey] = team.pulseSurveys;
      expect(survey?.responses.length).toBeGreaterThanOrEqual(6);
      expect(survey?._count.participation).toBe(survey?.responses.length);
      for (const r of survey!.responses) {
        expect(r.answers).toHaveLength(7);
        for (const a of r.answers) expect(a >= 1 && a <= 7).toBe(true);
      }
    }
  });
});
