// Reply threads on observations: coaching from leads (DOWN), learnings from the frontline (UP)
// and "you said, we did" replies that close the loop, including for anonymous reporters, who
// read them with their receipt code. Amira (nurse.cardio) gets notified of replies to her reports.
import type { ObservationKind, Prisma } from "../generated/client.ts";
import type { TeamKey, World } from "./context.ts";
import { userId, userName } from "./context.ts";
import type { ObservationPlan, ObservationRef } from "./observations.ts";
import { addHours, maxDate, minDate, newId } from "./random.ts";

const COACHING: Record<ObservationKind, string[]> = {
  DEVIATION: [
    "Thanks for recording the reason: that is exactly what tells us whether the guideline fits real conditions.",
    "Understood, the patient came first. Let's look at how this step can still be done in an emergency.",
    "Thank you. I've added this to the deviation review for the next retrospective.",
  ],
  PROBLEM: [
    "Thanks, raised with facilities. I'll update here when I hear back.",
    "Seen. Is this every shift or mostly nights? A couple more reports would help us see the pattern.",
  ],
  NEAR_MISS: [
    "Thank you for speaking up: near misses are how we learn before anyone is harmed.",
    "Logged with pharmacy and patient safety; we'll go through it at Thursday's huddle.",
  ],
  WORKAROUND: [
    "Clever fix, thank you. Workarounds show us where the process is broken; let's fix the cause.",
    "Thanks. Keep doing this for now; I've asked for a proper solution.",
  ],
  IDEA: ["Great idea. Would you like to try it as a small test on your next few shifts?", "Added to the ideas board for the next retrospective."],
  PRAISE: ["Passing this on to the team. Thank you for noticing!", "Lovely to read. I'll share it at the morning huddle."],
};

const LEARNINGS = [
  "Same on my shift: it happens mostly around the 07:30 handoff.",
  "Tried the suggestion last night. It works, but it takes about two extra minutes.",
  "This happened to me twice this week as well.",
  "We talked about it at the huddle; the night team has a simple fix they'll write up.",
  "Agree. When we did it the other way round, nothing was missed.",
];

const WE_DID: Partial<Record<ObservationKind, string>> = {
  DEVIATION: "You said, we did: deviations on this step were reviewed at the retrospective and the guideline wording is being updated.",
  PROBLEM: "You said, we did: fixed, and added to the weekly equipment check so it stays fixed.",
  NEAR_MISS: "You said, we did: shared at the safety huddle, and the storage and labelling have been changed.",
  WORKAROUND: "You said, we did: the cause has been fixed, so the workaround should no longer be needed.",
  IDEA: "You said, we did: your idea was tested for two weeks and is now part of how we work.",
};

const QUOTAS: Record<TeamKey, number> = { cardio: 19, ed: 15, primary: 6 };

export type FeedbackPlan = { comments: Prisma.CommentCreateManyInput[]; notifications: Prisma.NotificationCreateManyInput[] };

export function buildFeedback(world: World, observations: ObservationPlan): FeedbackPlan {
  const { rng, cal } = world;
  const plan: FeedbackPlan = { comments: [], notifications: [] };
  const nurseId = userId(world, "nurse.cardio@stolav.example");
  const answered = observations.refs.filter((o) => o.firstResponseAt !== null);
  const chosen = new Set<ObservationRef>();
  const demo = answered.find((o) => o.id === observations.demoReceiptObservationId);
  if (demo) chosen.add(demo);
  for (const o of answered.filter((o) => o.authorId === nurseId).slice(-5)) chosen.add(o);
  for (const teamKey of ["cardio", "ed", "primary"] as const) {
    const pool = rng.shuffle(answered.filter((o) => o.team === teamKey && !chosen.has(o)));
    const have = [...chosen].filter((o) => o.team === teamKey).length;
    for (const o of pool.slice(0, Math.max(0, QUOTAS[teamKey] - have))) chosen.add(o);
  }

  const latest = addHours(cal.now, -0.25);
  for (const o of chosen) {
    const team = world.teams[o.team];
    const thread: { authorId: string; direction: "UP" | "DOWN"; body: string; closesLoop: boolean; createdAt: Date }[] = [];
    const first = o.firstResponseAt as Date;
    // Later replies never land in the future, nor before the first response.
    const at = (date: Date) => maxDate(minDate(date, latest), first);
    thread.push({ authorId: team.leadId, direction: "DOWN", body: rng.pick(COACHING[o.kind]), closesLoop: false, createdAt: first });
    if (rng.chance(0.55)) {
      const others = team.memberIds.filter((id) => id !== o.authorId);
      // The reporter adds their own learning only when they are named; an anonymous one cannot.
      const author = o.authorId && rng.chance(0.5) ? o.authorId : rng.pick(others);
      thread.push({ authorId: author, direction: "UP", body: rng.pick(LEARNINGS), closesLoop: false, createdAt: at(addHours(first, rng.int(3, 30))) });
    }
    const weDid = o.template.weDid ?? WE_DID[o.kind];
    if ((o.status === "ACTED" || o.status === "CLOSED") && weDid && (o.id === observations.demoReceiptObservationId || rng.chance(0.7))) {
      const afterThread = addHours((thread[thread.length - 1] as { createdAt: Date }).createdAt, 2);
      const planned = o.closedAt ?? addHours(first, rng.int(24, 120));
      const when = planned > afterThread ? planned : afterThread;
      thread.push({ authorId: team.leadId, direction: "DOWN", body: weDid, closesLoop: true, createdAt: at(when) });
    }
    for (const c of thread) {
      const id = newId();
      plan.comments.push({ id, organizationId: team.orgId, teamId: team.id, observationId: o.id, ...c });
      if (o.authorId === nurseId && c.authorId !== nurseId) {
        const ageDays = (cal.now.getTime() - c.createdAt.getTime()) / 86_400_000;
        plan.notifications.push({
          id: newId(),
          organizationId: team.orgId,
          userId: nurseId,
          title: c.closesLoop
            ? `You said, we did: ${userName(world, c.authorId)} closed the loop on "${o.text}"`
            : `${userName(world, c.authorId)} replied to your observation "${o.text}"`,
          link: `/teams/${team.id}/observations/${o.id}`,
          readAt: ageDays > 3 ? addHours(c.createdAt, rng.int(1, 20)) : null,
          createdAt: c.createdAt,
        });
      }
    }
  }
  return plan;
}
