import "server-only";
import type { DataPointDto, MeasureDto } from "./schema.ts";

export const measureSelect = {
  id: true,
  organizationId: true,
  teamId: true,
  processId: true,
  name: true,
  definition: true,
  type: true,
  direction: true,
  target: true,
  unit: true,
  frequency: true,
  label: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  process: { select: { name: true } },
  owner: { select: { id: true, name: true } },
} as const;

export type MeasureRow = {
  id: string;
  organizationId: string;
  teamId: string;
  processId: string | null;
  name: string;
  definition: string;
  type: MeasureDto["type"];
  direction: MeasureDto["direction"];
  target: number | null;
  unit: string;
  frequency: MeasureDto["frequency"];
  label: MeasureDto["label"];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  process: { name: string } | null;
  owner: { id: string; name: string } | null;
};

export function toMeasureDto(row: MeasureRow): MeasureDto {
  return {
    id: row.id,
    teamId: row.teamId,
    processId: row.processId,
    processName: row.process?.name ?? null,
    name: row.name,
    definition: row.definition,
    type: row.type,
    direction: row.direction,
    target: row.target,
    unit: row.unit,
    frequency: row.frequency,
    label: row.label,
    owner: row.owner,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const dataPointSelect = {
  id: true,
  measureId: true,
  periodStart: true,
  value: true,
  numerator: true,
  denominator: true,
  source: true,
  note: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type DataPointRow = {
  id: string;
  measureId: string;
  periodStart: Date;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: DataPointDto["source"];
  note: string;
  createdAt: Date;
  updatedAt: Date;
};

export function toDataPointDto(row: DataPointRow): DataPointDto {
  return {
    id: row.id,
    measureId: row.measureId,
    periodStart: row.periodStart.toISOString(),
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    source: row.source,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
