import "server-only";
import { z } from "zod";
import type { Caller } from "@/lib/auth/context.ts";
import { getProcessWithHistory, getVersionDetail, listProcesses } from "./queries.ts";

// Read-only API shapes for processes, so integrations can find the step ids a deviation points at.
const stepSchema = z.object({ id: z.string(), key: z.string(), position: z.number().int(), title: z.string(), detail: z.string() });
const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(["draft", "tentative", "adopted", "retired"]),
  title: z.string(),
  reviewBy: z.string().nullable(),
  reviewOverdue: z.boolean(),
});
export const processSummarySchema = z.object({ id: z.string(), teamId: z.string(), name: z.string(), description: z.string(), currentVersion: versionSummarySchema.nullable() });
export const processDetailSchema = processSummarySchema.extend({
  currentVersion: versionSummarySchema.extend({ body: z.string(), changeSummary: z.string(), steps: z.array(stepSchema) }).nullable(),
  versions: z.array(versionSummarySchema),
});
export const listProcessesQuery = z.object({ teamId: z.string().min(1).max(64) });

type Summary = { id: string; number: number; status: string; title: string; reviewBy: Date | null; overdue: boolean };
const summary = (v: Summary) => ({
  id: v.id,
  number: v.number,
  status: v.status.toLowerCase() as z.infer<typeof versionSummarySchema>["status"],
  title: v.title,
  reviewBy: v.reviewBy?.toISOString() ?? null,
  reviewOverdue: v.overdue,
});

export async function listProcessesApi(caller: Caller, teamId: string): Promise<z.infer<typeof processSummarySchema>[]> {
  const rows = await listProcesses(caller, teamId);
  return rows.map((p) => ({ id: p.id, teamId, name: p.name, description: p.description, currentVersion: p.current ? summary(p.current) : null }));
}

export async function getProcessApi(caller: Caller, id: string): Promise<z.infer<typeof processDetailSchema>> {
  const { process, versions } = await getProcessWithHistory(caller, id);
  const current = process.currentVersionId ? (await getVersionDetail(caller, process.id)).version : null;
  return {
    id: process.id,
    teamId: process.teamId,
    name: process.name,
    description: process.description,
    currentVersion: current
      ? { ...summary(current), body: current.body, changeSummary: current.changeSummary, steps: current.steps.map(({ id, key, position, title, detail }) => ({ id, key, position, title, detail })) }
      : null,
    versions: versions.map(summary),
  };
}
