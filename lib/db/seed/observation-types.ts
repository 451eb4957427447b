// Template shape for generated observations. Texts use {bed}, {bay}, {shift} and {time} slots
// (see fillTemplate) so that 300 reports built from a few dozen templates still read differently.
import type { ObservationKind, Severity } from "../generated/client.ts";

export type ObservationTemplate = {
  kind: ObservationKind;
  /** Process slug within the team; required for DEVIATION, optional otherwise. */
  process?: string;
  /** Step key of that process's guideline; required for DEVIATION. */
  step?: string;
  texts: string[];
  reasons?: string[];
  severities?: Severity[];
  /** Relative frequency among templates of the same kind (default 1). */
  weight?: number;
  /** Only reported while the team's running experiment is on, and linked to it. */
  experiment?: true;
  /** Only reported once the tentative central line v3 (sand timers) is in use. */
  sinceCentralLineV3?: true;
  /** Only reported before it. */
  beforeCentralLineV3?: true;
  /** The "you said, we did" reply a lead posts once this was acted on. */
  weDid?: string;
};
