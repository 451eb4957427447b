import "server-only";
import type { ObservationKind, ObservationStatus, Severity } from "@/lib/db/generated/enums.ts";
import { fromDbEnum, type ObservationDto } from "./schema.ts";

// The one select for observations leaving the data layer. `author` is selected, but toObservationDto
// drops it for anonymous rows (which store no authorId anyway): two independent guards.
export const observationSelect = {
  id: true,
  teamId: true,
  kind: true,
  text: true,
  deviationReason: true,
  severity: true,
  anonymous: true,
  status: true,
  processId: true,
  stepId: true,
  guidelineVersionId: true,
  experimentId: true,
  groupId: true,
  occurredAt: true,
  createdAt: true,
  firstResponseAt: true,
  closedAt: true,
  author: { select: { id: true, name: true } },
  process: { select: { id: true, name: true } },
  step: { select: { id: true, key: true, title: true, position: true } },
  guidelineVersion: { select: { id: true, number: true } },
  _count: { select: { comments: true } },
} as const;

export type ObservationRow = {
  id: string;
  teamId: string;
  kind: ObservationKind;
  text: string;
  deviationReason: string | null;
  severity: Severity | null;
  anonymous: boolean;
  status: ObservationStatus;
  processId: string | null;
  stepId: string | null;
  guidelineVersionId: string | null;
  experimentId: string | null;
  groupId: string | null;
  occurredAt: Date;
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  author: { id: string; name: string } | null;
  process: { id: string; name: string } | null;
  step: { id: string; key: string; title: string; position: number } | null;
  guidelineVersion: { id: string; number: number } | null;
  _count: { comments: number };
};

export function toObservationDto(row: ObservationRow): ObservationDto {
  return {
    id: row.id,
    teamId: row.teamId,
    kind: fromDbEnum(row.kind),
    text: row.text,
    deviationReason: row.deviationReason,
    severity: row.severity ? fromDbEnum(row.severity) : null,
    anonymous: row.anonymous,
    author: row.anonymous || !row.author ? null : { id: row.author.id, name: row.author.name },
    status: fromDbEnum(row.status),
    processId: row.processId,
    stepId: row.stepId,
    guidelineVersionId: row.guidelineVersionId,
    process: row.process,
    step: row.step,
    guidelineVersion: row.guidelineVersion,
    experimentId: row.experimentId,
    groupId: row.groupId,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    commentCount: row._count.comments,
  };
}
