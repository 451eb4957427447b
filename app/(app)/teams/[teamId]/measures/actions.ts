"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { createMeasure } from "@/lib/measures/create-measure.ts";
import { deleteDataPoint, editDataPoint } from "@/lib/measures/edit-data-point.ts";
import { importDataPointsCsv } from "@/lib/measures/import-csv.ts";
import { recordDataPoints } from "@/lib/measures/record-data-points.ts";
import { updateMeasure } from "@/lib/measures/update-measure.ts";
import { createMeasureInput, dataPointInput, editDataPointInput, updateMeasureInput } from "@/lib/measures/schema.ts";

const id = z.string().min(1).max(64);
// Every measure page shows the chart, so any change to points refreshes them all (cheap: dynamic pages).
const refreshMeasurePages = () => revalidatePath("/teams/[teamId]/measures/[measureId]", "page");

export const createMeasureAction = authedAction.inputSchema(createMeasureInput).action(async ({ parsedInput, ctx }) => {
  const measure = await createMeasure(ctx.caller, parsedInput);
  revalidatePath(`/teams/${measure.teamId}/measures`);
  return { id: measure.id, teamId: measure.teamId };
});

export const recordPointAction = authedAction
  .inputSchema(z.object({ measureId: id, point: dataPointInput, source: z.enum(["MANUAL", "TALLY"]) }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordDataPoints(ctx.caller, parsedInput.measureId, [parsedInput.point], parsedInput.source);
    refreshMeasurePages();
    const point = result.dataPoints[0]!;
    return { status: point.status, periodStart: point.periodStart };
  });

export const importCsvAction = authedAction
  .inputSchema(z.object({ measureId: id, csv: z.string().min(1, "Choose a CSV file or paste its contents.").max(250_000), preview: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await importDataPointsCsv(ctx.caller, parsedInput.measureId, parsedInput.csv, { preview: parsedInput.preview });
    if (result.ok && !result.preview) refreshMeasurePages();
    return result;
  });

export const editPointAction = authedAction
  .inputSchema(editDataPointInput.extend({ measureId: id, pointId: id }))
  .action(async ({ parsedInput: { measureId, pointId, ...input }, ctx }) => {
    const point = await editDataPoint(ctx.caller, measureId, pointId, input);
    refreshMeasurePages();
    return { id: point.id };
  });

export const deletePointAction = authedAction.inputSchema(z.object({ measureId: id, pointId: id })).action(async ({ parsedInput, ctx }) => {
  await deleteDataPoint(ctx.caller, parsedInput.measureId, parsedInput.pointId);
  refreshMeasurePages();
  return { deleted: true };
});

export const updateMeasureAction = authedAction
  .inputSchema(z.object({ measureId: id, changes: updateMeasureInput }))
  .action(async ({ parsedInput, ctx }) => {
    const measure = await updateMeasure(ctx.caller, parsedInput.measureId, parsedInput.changes);
    revalidatePath(`/teams/${measure.teamId}/measures`);
    refreshMeasurePages();
    return { archivedAt: measure.archivedAt };
  });
