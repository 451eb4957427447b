// Retrospectives (last month's, closed, with votes, a focus item and a root cause; this
// fortnight's, open) and the action items that came out of them or out of observations.
import type { ActionStatus, Prisma, RetroCategory } from "../generated/client.ts";
import type { World } from "./context.ts";
import { userId } from "./context.ts";
import type { ExperimentPlan } from "./experiments.ts";
import type { GuidelinePlan } from "./guidelines.ts";
import { processRef } from "./guidelines.ts";
import type { ExperimentKey } from "./guidelines-types.ts";
import type { ObservationPlan } from "./observations.ts";
import { addDays, addHours, minDate, newId, startOfUtcDay } from "./random.ts";
import { RETRO_CONTENT } from "./retro-texts.ts";

export type ItemDef = [RetroCategory, string, string | null];
export type ActionDef = {
  title: string;
  owner: string;
  /** Days after the retrospective was held; for actions without a retro, days from today (negative = overdue). */
  due: number;
  status: ActionStatus;
  experiment?: ExperimentKey;
  centralLineV3?: true;
  /** Links an observation whose text starts with this. */
  observation?: string;
};
export type RetroContent = {
  closedItems: ItemDef[];
  focus: number;
  rootCause: string;
  closedActions: ActionDef[];
  openItems: ItemDef[];
  otherActions: ActionDef[];
};

export type RetroPlan = {
  retros: Prisma.RetrospectiveCreateManyInput[];
  items: Prisma.RetroItemCreateManyInput[];
  votes: Prisma.RetroVoteCreateManyInput[];
  actions: Prisma.ActionItemCreateManyInput[];
  /** Applied after the items exist (Retrospective ↔ RetroItem reference each other). */
  focus: { retroId: string; itemId: string }[];
  cardioClosedRetroId: string;
};

const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) => d.toLocaleDateString("en-GB", { timeZone: "UTC", ...opts });

export function buildRetros(world: World, guidelines: GuidelinePlan, experiments: ExperimentPlan, observations: ObservationPlan): RetroPlan {
  const { cal, rng } = world;
  const plan: RetroPlan = { retros: [], items: [], votes: [], actions: [], focus: [], cardioClosedRetroId: "" };
  const heldAt = cal.closedRetroHeldAt;
  const v3 = processRef(guidelines, "cardio", "central-line-insertion").versions[2];

  for (const teamKey of ["cardio", "ed"] as const) {
    const team = world.teams[teamKey];
    const content = RETRO_CONTENT[teamKey];
    const closedId = newId();
    const openId = newId();
    if (teamKey === "cardio") plan.cardioClosedRetroId = closedId;
    plan.retros.push(
      {
        id: closedId,
        organizationId: team.orgId,
        teamId: team.id,
        title: `${fmt(cal.closedRetroStart, { month: "long", year: "numeric" })} retrospective`,
        periodStart: cal.closedRetroStart,
        periodEnd: cal.closedRetroEnd,
        facilitatorId: team.leadId,
        status: "CLOSED",
        rootCause: content.rootCause,
        createdAt: addHours(heldAt, -3),
      },
      {
        id: openId,
        organizationId: team.orgId,
        teamId: team.id,
        title: `Fortnight retro, ${fmt(cal.openRetroStart, { day: "numeric", month: "short" })} – ${fmt(cal.today, { day: "numeric", month: "short" })}`,
        periodStart: cal.openRetroStart,
        periodEnd: new Date(addDays(cal.today, 1).getTime() - 1),
        facilitatorId: team.leadId,
        status: "OPEN",
        createdAt: addHours(cal.now, -30),
      },
    );

    const closedItemIds = addItems(world, plan, closedId, team.orgId, content.closedItems);
    addItems(world, plan, openId, team.orgId, content.openItems);
    const focusId = closedItemIds[content.focus] as string;
    plan.focus.push({ retroId: closedId, itemId: focusId });

    // Three votes each. All but one person spend a vote on the item that became the focus, so it
    // wins clearly whatever `now` is; the other votes are spread evenly over the remaining items.
    const others = rng.shuffle(closedItemIds.filter((id, i) => content.closedItems[i]?.[0] !== "WENT_WELL" && id !== focusId));
    const voters = [team.leadId, ...team.memberIds];
    const sceptic = rng.int(0, voters.length - 1);
    voters.forEach((voter, i) => {
      const spread = [0, 1, 2].map((k) => others[(i + k) % others.length] as string);
      const picks = i === sceptic ? spread : [focusId, ...spread.slice(0, 2)];
      for (const retroItemId of picks) plan.votes.push({ organizationId: team.orgId, retroItemId, userId: voter });
    });

    const addAction = (def: ActionDef, retrospectiveId: string | null, created: Date, dueDate: Date) => {
      const createdAt = minDate(created, addHours(cal.now, -2));
      const observation = def.observation
        ? observations.refs.find((o) => o.team === teamKey && o.text.startsWith(def.observation as string))
        : undefined;
      plan.actions.push({
        id: newId(),
        organizationId: team.orgId,
        teamId: team.id,
        retrospectiveId,
        observationId: observation?.id ?? null,
        title: def.title,
        ownerId: userId(world, def.owner),
        dueDate,
        status: def.status,
        experimentId: def.experiment ? (experiments.ids.get(def.experiment) ?? null) : null,
        guidelineVersionId: def.centralLineV3 && v3 ? v3.id : null,
        completedAt: def.status === "DONE" ? minDate(addHours(createdAt, rng.int(20, 70)), addHours(cal.now, -1)) : null,
        createdAt,
      });
    };
    for (const def of content.closedActions) addAction(def, closedId, addHours(heldAt, 1), addDays(startOfUtcDay(heldAt), def.due));
    for (const def of content.otherActions) {
      addAction(def, null, addHours(addDays(cal.today, -rng.int(8, 20)), 10), addDays(cal.today, def.due));
    }
  }
  return plan;
}

function addItems(world: World, plan: RetroPlan, retrospectiveId: string, organizationId: string, items: ItemDef[]): string[] {
  return items.map(([category, text, email]) => {
    const id = newId();
    plan.items.push({
      id,
      organizationId,
      retrospectiveId,
      category,
      text,
      anonymous: email === null,
      authorId: email === null ? null : userId(world, email),
    });
    return id;
  });
}
