// Human labels for enum values stored in SCREAMING_CASE.
const special: Record<string, string> = {
  NEAR_MISS: "Near miss",
  IN_PROGRESS: "In progress",
  TIME_BETWEEN: "Time between",
};

/** "NEAR_MISS" → "Near miss", "ADOPTED" → "Adopted". */
export function enumLabel(value: string): string {
  if (special[value]) return special[value];
  const lower = value.toLowerCase().replace(/_/g, " ");
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Rounds a measure value for display: whole numbers stay whole, others get up to 2 decimals. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(value);
}
