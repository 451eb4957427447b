// Display labels and badge tones for observation enums (API values are lowercase).
export const KIND_LABELS: Record<string, string> = {
  deviation: "Deviation",
  problem: "Problem",
  near_miss: "Near miss",
  workaround: "Workaround",
  idea: "Idea",
  praise: "Praise",
};
export const STATUS_LABELS: Record<string, string> = { new: "New", acknowledged: "Acknowledged", acted: "Acted on", closed: "Closed" };
export const SEVERITY_LABELS: Record<string, string> = { low: "Low", medium: "Medium", high: "High" };
export const STATUS_TONES = { new: "amber", acknowledged: "blue", acted: "teal", closed: "neutral" } as const;
export const SEVERITY_TONES = { low: "neutral", medium: "amber", high: "red" } as const;
