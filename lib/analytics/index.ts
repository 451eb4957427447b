/**
 * Pure SPC analytics (run charts, control charts, Anhøj rules) agreeing with R's qicharts2 0.8.
 * No I/O: safe to import from server and client code alike.
 */

export type {
  ControlChartDatum,
  ControlChartKind,
  ControlChartOptions,
  ControlChartPhase,
  ControlChartPoint,
  ControlChartResult,
  PhasedControlChartOptions,
  PhasedControlChartPoint,
  PhasedControlChartResult,
  PhasedRunChartResult,
  RunAnalysis,
  RunChartOptions,
  RunChartPhase,
  XYPoint,
} from "./types";
export { analyseRuns, phasedRunChart, runChart } from "./run-chart";
export { controlChart } from "./control-chart";
export { phasedControlChart } from "./phases";
export { lttb } from "./lttb";
export { explainSignals, formatDay, type ExplainableResult, type ExplainOptions } from "./explain";
export { crossingsLimit, exactSum, longestRunLimit, mean, median } from "./stats";
export { binomHalfCdf, qbinomHalf } from "./binomial";
