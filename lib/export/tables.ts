// Which tables an organization export holds, in foreign-key insert order, and how each is read and
// written back. Pure data: shared by the export (reading), the import (writing) and the docs.
//
// Every tenant table carries organizationId (decision 004), so each is read by it. RateLimit is
// not tenant data (shared counters keyed by email/IP, minutes long) and is left out.

/** Prisma delegate names (`db.<delegate>`) by model. */
export const EXPORT_TABLES = [
  { model: "Organization", delegate: "organization", orderBy: ["id"] },
  { model: "User", delegate: "user", orderBy: ["id"] },
  { model: "Team", delegate: "team", orderBy: ["id"] },
  { model: "Membership", delegate: "membership", orderBy: ["id"] },
  { model: "Process", delegate: "process", orderBy: ["id"] },
  { model: "GuidelineVersion", delegate: "guidelineVersion", orderBy: ["id"] },
  { model: "GuidelineStep", delegate: "guidelineStep", orderBy: ["id"] },
  { model: "Measure", delegate: "measure", orderBy: ["id"] },
  { model: "DataPoint", delegate: "dataPoint", orderBy: ["id"] },
  { model: "Experiment", delegate: "experiment", orderBy: ["id"] },
  { model: "ExperimentMeasure", delegate: "experimentMeasure", orderBy: ["experimentId", "measureId"] },
  { model: "Retrospective", delegate: "retrospective", orderBy: ["id"] },
  { model: "RetroItem", delegate: "retroItem", orderBy: ["id"] },
  { model: "RetroVote", delegate: "retroVote", orderBy: ["retroItemId", "userId"] },
  { model: "Observation", delegate: "observation", orderBy: ["id"] },
  { model: "GuidelineVersionObservation", delegate: "guidelineVersionObservation", orderBy: ["guidelineVersionId", "observationId"] },
  { model: "Comment", delegate: "comment", orderBy: ["id"] },
  { model: "Notification", delegate: "notification", orderBy: ["id"] },
  { model: "ActionItem", delegate: "actionItem", orderBy: ["id"] },
  { model: "PulseSurvey", delegate: "pulseSurvey", orderBy: ["id"] },
  { model: "PulseResponse", delegate: "pulseResponse", orderBy: ["id"] },
  { model: "PulseParticipation", delegate: "pulseParticipation", orderBy: ["surveyId", "userId"] },
  { model: "WeeklyReport", delegate: "weeklyReport", orderBy: ["id"] },
  { model: "ApiToken", delegate: "apiToken", orderBy: ["id"] },
  { model: "Invitation", delegate: "invitation", orderBy: ["id"] },
  { model: "AuditEvent", delegate: "auditEvent", orderBy: ["id"] },
] as const;

export type ExportTable = (typeof EXPORT_TABLES)[number];
export type ModelName = ExportTable["model"];
export const MODEL_NAMES = EXPORT_TABLES.map((t) => t.model) as ModelName[];

/** Tables deliberately not exported. */
export const EXCLUDED_TABLES = [{ table: "RateLimit", reason: "Short-lived sign-in and submission counters shared by all organizations; not organization data." }] as const;

/**
 * Secrets never leave the database. On import the columns that cannot be empty get a fresh random
 * hash whose preimage nobody knows, so old API tokens and invitation links are dead (create new
 * ones), and people have no password (see docs/backup.md for how they sign in again).
 */
export const OMITTED_COLUMNS = [
  { table: "User", column: "passwordHash", reason: "Password hash (secret). Imported people have no password until one is set." },
  { table: "ApiToken", column: "tokenHash", reason: "API token hash (secret). Imported tokens cannot be used; create new ones." },
  { table: "Invitation", column: "tokenHash", reason: "Invitation link hash (secret). Imported invitation links no longer work; invite again." },
] as const;

export function omittedColumnsOf(model: ModelName): string[] {
  return OMITTED_COLUMNS.filter((c) => c.table === model).map((c) => c.column);
}

/**
 * Nullable foreign keys that close a cycle (process ↔ current version, version → experiment/retro
 * that point back at versions, retro ↔ focus item) or point into the same table (observation
 * groups). They are inserted as null and set once every row exists, the way the seed does it.
 */
export const DEFERRED_COLUMNS: Partial<Record<ModelName, readonly string[]>> = {
  Process: ["currentVersionId"],
  GuidelineVersion: ["sourceExperimentId", "sourceRetrospectiveId"],
  Retrospective: ["focusItemId"],
  Observation: ["groupId"],
};

/** Columns holding a primary key, for setting deferred columns row by row. */
export const PRIMARY_KEY: Partial<Record<ModelName, string>> = {
  Process: "id",
  GuidelineVersion: "id",
  Retrospective: "id",
  Observation: "id",
};

export const EXPORT_FORMAT = "learning-loop.organization-export";
export const EXPORT_FORMAT_VERSION = 1;

/** Rows written per INSERT: large enough to be quick, small enough to stay far from PostgreSQL's 65,535 bind parameters. */
export const INSERT_CHUNK_ROWS = 1000;
