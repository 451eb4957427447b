// Shared shapes for the seed builders. Everything is planned in memory first (ids generated up
// front), then written in foreign-key order, so builders can reference each other's rows freely.
import type { Rng } from "./random.ts";
import { DAY, addDays, addHours, startOfUtcDay, startOfUtcMonth } from "./random.ts";

export type TeamKey = "cardio" | "ed" | "primary";

export type TeamCtx = {
  key: TeamKey;
  id: string;
  orgId: string;
  slug: string;
  name: string;
  leadId: string;
  managerId: string | null;
  /** Frontline members (role MEMBER), who write most observations. */
  memberIds: string[];
};

export type UserCtx = { id: string; email: string; name: string; orgId: string };

/**
 * Dates that several builders must agree on (a measure shifts when a guideline version is
 * adopted; a tentative version comes out of last month's retrospective).
 */
export type Calendar = {
  now: Date;
  today: Date;
  /** `days` before now, optionally at a given UTC hour of that day. */
  daysAgo: (days: number, utcHour?: number) => Date;
  closedRetroStart: Date;
  closedRetroEnd: Date;
  closedRetroHeldAt: Date;
  openRetroStart: Date;
  centralLineV3At: Date;
};

export const EVENT_DAYS = {
  hhExperimentStart: 175,
  hhExperimentEnd: 125,
  hhV2Adopted: 119,
  handoffV2Adopted: 238,
  teachBackStart: 110,
  teachBackEnd: 66,
  dischargeV2Adopted: 62,
  ipassStart: 20,
  loungeStart: 12,
  /** Months back from the current month of the CLABSI outbreak month (the outlier). */
  clabsiOutlierMonthsAgo: 5,
} as const;

export function buildCalendar(now: Date): Calendar {
  const today = startOfUtcDay(now);
  // The "last month" retro covers a whole calendar month that ended at least a few days ago,
  // so it is closed and its follow-up version exists whatever day of the month `now` is.
  const closedRetroStart = startOfUtcMonth(addDays(now, -5), -1);
  const closedRetroEnd = new Date(startOfUtcMonth(closedRetroStart, 1).getTime() - 1);
  const closedRetroHeldAt = addHours(startOfUtcMonth(closedRetroStart, 1), 38);
  return {
    now,
    today,
    daysAgo: (days, utcHour) =>
      utcHour === undefined ? new Date(now.getTime() - days * DAY) : addHours(addDays(today, -days), utcHour),
    closedRetroStart,
    closedRetroEnd,
    closedRetroHeldAt,
    openRetroStart: addDays(today, -14),
    centralLineV3At: addDays(closedRetroHeldAt, 1),
  };
}

export type World = {
  cal: Calendar;
  rng: Rng;
  orgs: { stOlav: string; riverside: string };
  teams: Record<TeamKey, TeamCtx>;
  users: Map<string, UserCtx>;
};

export function userId(world: World, email: string): string {
  const user = world.users.get(email);
  if (!user) throw new Error(`seed: unknown user ${email}`);
  return user.id;
}

export function userName(world: World, id: string): string {
  for (const user of world.users.values()) if (user.id === id) return user.name;
  throw new Error(`seed: unknown user id ${id}`);
}
