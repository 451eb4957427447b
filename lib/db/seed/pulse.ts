// One closed psychological-safety pulse per St Olav ward (Edmondson's 7 items, 1..7 agreement).
// Responses and participation are written separately on purpose: nothing links an answer to a person.
import type { Prisma } from "../generated/client.ts";
import type { World } from "./context.ts";
import { addDays } from "./random.ts";
import { newId } from "./random.ts";

/** Items 1, 3 and 5 are reverse-scored, so a safe team answers them low. */
const REVERSED = [true, false, true, false, true, false, false];

export type PulsePlan = {
  surveys: Prisma.PulseSurveyCreateManyInput[];
  responses: Prisma.PulseResponseCreateManyInput[];
  participation: Prisma.PulseParticipationCreateManyInput[];
};

export function buildPulse(world: World): PulsePlan {
  const { cal, rng } = world;
  const plan: PulsePlan = { surveys: [], responses: [], participation: [] };
  const settings = { cardio: { answered: 7, safety: 5.7 }, ed: { answered: 6, safety: 4.9 } } as const;
  for (const teamKey of ["cardio", "ed"] as const) {
    const team = world.teams[teamKey];
    const { answered, safety } = settings[teamKey];
    const opensAt = addDays(cal.today, -20);
    const surveyId = newId();
    plan.surveys.push({
      id: surveyId,
      organizationId: team.orgId,
      teamId: team.id,
      title: `Team pulse, ${opensAt.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })}`,
      opensAt,
      closesAt: addDays(cal.today, -6),
      minResponses: 5,
      createdById: team.leadId,
      createdAt: addDays(opensAt, -1),
    });
    for (let i = 0; i < answered; i++) {
      const personal = rng.normal(0, 0.6);
      const answers = REVERSED.map((reversed) => {
        const agreement = rng.normal(safety + personal, 0.8);
        return clamp(Math.round(reversed ? 8 - agreement : agreement));
      });
      plan.responses.push({ id: newId(), organizationId: team.orgId, surveyId, answers });
    }
    for (const userId of rng.shuffle([team.leadId, ...team.memberIds]).slice(0, answered)) {
      plan.participation.push({ organizationId: team.orgId, surveyId, userId });
    }
  }
  return plan;
}

const clamp = (x: number) => Math.min(7, Math.max(1, x));
