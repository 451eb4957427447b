// Processes with a guideline version and steps, for observation and guideline tests.
import { randomUUID } from "node:crypto";
import { testDb } from "./factories.ts";

const uid = () => randomUUID().slice(0, 8);

export async function createProcessWithSteps(orgId: string, teamId: string, options: { steps?: string[]; status?: "DRAFT" | "TENTATIVE" | "ADOPTED" } = {}) {
  const db = testDb();
  const process = await db.process.create({
    data: { organizationId: orgId, teamId, name: `Process ${uid()}`, slug: `process-${uid()}` },
    select: { id: true, name: true },
  });
  const version = await db.guidelineVersion.create({
    data: {
      organizationId: orgId,
      processId: process.id,
      number: 1,
      status: options.status ?? "ADOPTED",
      title: `${process.name} v1`,
      body: "Do the steps.",
      adoptedAt: new Date(),
      steps: {
        create: (options.steps ?? ["prepare", "check", "finish"]).map((key, i) => ({ organizationId: orgId, position: i + 1, key, title: `Step ${key}` })),
      },
    },
    select: { id: true, steps: { select: { id: true, key: true }, orderBy: { position: "asc" } } },
  });
  await db.process.update({ where: { id: process.id }, data: { currentVersionId: version.id }, select: { id: true } });
  return { process, version, steps: version.steps };
}

export const newKey = () => randomUUID();
