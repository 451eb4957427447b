// Shapes of the guideline content files. Step keys stay the same across versions so deviations
// against v1, v2 and v3 can be compared step by step.
import type { GuidelineStatus } from "../generated/client.ts";
import type { Calendar, TeamKey } from "./context.ts";

export type StepDef = { key: string; title: string; detail: string };

export type ExperimentKey =
  | "cardio-hh-bedside-rub"
  | "cardio-ipass-bedside"
  | "cardio-sepsis-box"
  | "ed-teach-back"
  | "ed-discharge-lounge"
  | "ed-whiteboard-pending";

export type VersionDef = {
  status: GuidelineStatus;
  /** Days before now, or a date derived from the calendar. */
  created: number | ((cal: Calendar) => Date);
  /** Days before now; omitted while a version is only tentative. */
  adopted?: number;
  /** Days from now; negative means the review is overdue. */
  reviewBy: number;
  author: string;
  intro: string;
  steps: StepDef[];
  evidence: string;
  rationale: string;
  changeSummary: string;
  sourceExperiment?: ExperimentKey;
  sourceRetro?: "cardio-closed";
};

export type ProcessDef = {
  team: TeamKey;
  slug: string;
  name: string;
  description: string;
  owner: string;
  versions: VersionDef[];
};

export const DEVIATION_NOTE =
  "## If you cannot follow a step\n\nThe patient comes first. Deviate when you judge it right, then record a " +
  "deviation in Learning Loop with the step and your reason. Deviations are how this guideline improves: " +
  "they are reviewed every month and never used to blame anyone.";
