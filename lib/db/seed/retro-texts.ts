// What the two St Olav wards said in their retrospectives. A null author is an anonymous item.
import type { RetroContent } from "./retros.ts";

export const RETRO_CONTENT: Record<"cardio" | "ed", RetroContent> = {
  cardio: {
    closedItems: [
      ["WENT_WELL", "Hand hygiene stayed above 90% every week", "lead.cardio@stolav.example"],
      ["WENT_WELL", "Bed-rail rub dispensers are always full now", null],
      ["WENT_WELL", "Calm teamwork on the night of the two arrests", "nurse3.cardio@stolav.example"],
      ["PUZZLE", "Why is the chlorhexidine dry time the step we skip most?", "nurse.cardio@stolav.example"],
      ["PUZZLE", "Handoff omissions creep up at weekends", null],
      ["PUZZLE", "Why do telemetry boxes run flat on nights?", "nurse6.cardio@stolav.example"],
      ["IDEA", "Make the 30 s dry time visible: a sand timer on every line cart", null],
      ["IDEA", "Bedside I-PASS for the sickest three patients", "nurse.cardio@stolav.example"],
      ["IDEA", "Moisturiser in every bay so the rub doesn't hurt", "nurse7.cardio@stolav.example"],
    ],
    focus: 6,
    rootCause:
      "Five whys on the skipped dry time. It is skipped under time pressure → nobody at the sterile field can see how long 30 s is → there is no clock or timer at the line cart → the guideline only says 'let it dry' → v2 copied the bundle wording instead of describing how insertions happen here. Root cause: the step is invisible at the point of care. Focus: make it visible (sand timers) and explicit (central line v3, tentative).",
    closedActions: [
      { title: "Order 30 s sand timers for every line cart", owner: "nurse4.cardio@stolav.example", due: 7, status: "DONE" },
      { title: "Draft central line v3 with an explicit dry time and an emergency path", owner: "lead.cardio@stolav.example", due: 3, status: "DONE", centralLineV3: true },
      { title: "Review deviations against central line v3 after 4 weeks: adopt, adapt or abandon", owner: "lead.cardio@stolav.example", due: 28, status: "IN_PROGRESS", centralLineV3: true },
      { title: "Ask pharmacy about a pre-packed first-dose sepsis antibiotic box", owner: "nurse5.cardio@stolav.example", due: 14, status: "OPEN", experiment: "cardio-sepsis-box" },
    ],
    openItems: [
      ["WENT_WELL", "Bedside I-PASS: patients correct us (bed 4 fixed his own allergy list)", "nurse2.cardio@stolav.example"],
      ["PUZZLE", "Why does handoff run late on Mondays?", null],
      ["IDEA", "Clip-on sand timers that don't fall off the cart", "nurse4.cardio@stolav.example"],
    ],
    otherActions: [
      { title: "Replace the broken bed-rail dispensers", owner: "nurse7.cardio@stolav.example", due: -4, status: "DONE", observation: "Two bed-rail dispensers" },
      { title: "Facilities ticket: second telemetry charging station", owner: "nurse6.cardio@stolav.example", due: -5, status: "OPEN", observation: "Telemetry box" },
      { title: "Move heparin flushes to a separate red-labelled drawer", owner: "lead.cardio@stolav.example", due: 6, status: "IN_PROGRESS", observation: "Heparin and saline" },
    ],
  },
  ed: {
    closedItems: [
      ["WENT_WELL", "Teach-back is routine now; patients say they understand their medicines better", "nurse3.ed@stolav.example"],
      ["WENT_WELL", "Discharge checklist completion at 88%", "lead.ed@stolav.example"],
      ["WENT_WELL", "Five days in a row without corridor care", null],
      ["PUZZLE", "Patients who are ready to go wait hours for transport in a cubicle", null],
      ["PUZZLE", "Why do pending results get lost at the 22:00 handoff?", "nurse.ed@stolav.example"],
      ["IDEA", "A discharge lounge by the entrance for patients waiting for transport", "nurse2.ed@stolav.example"],
      ["IDEA", "A 'pending' column on the majors whiteboard", null],
      ["IDEA", "Safety-net leaflets in the five most common languages", "nurse6.ed@stolav.example"],
    ],
    focus: 5,
    rootCause:
      "Cubicles are blocked by patients who are medically ready but waiting for transport (median 1 h 50 min in a one-week audit). Transport is booked only after the discharge letter is printed, and there is nowhere else to wait. Root cause: discharge is treated as one step at the end rather than a flow that starts when the decision is made.",
    closedActions: [
      { title: "Set up a discharge lounge trial by the entrance", owner: "nurse2.ed@stolav.example", due: 5, status: "DONE", experiment: "ed-discharge-lounge" },
      { title: "Book transport when the discharge decision is made, not after the letter", owner: "lead.ed@stolav.example", due: 21, status: "IN_PROGRESS" },
      { title: "Plan the whiteboard pending-results test", owner: "lead.ed@stolav.example", due: 10, status: "OPEN", experiment: "ed-whiteboard-pending" },
      { title: "Order translated safety-net leaflets", owner: "nurse6.ed@stolav.example", due: 14, status: "DONE" },
    ],
    openItems: [
      ["WENT_WELL", "The lounge freed three cubicles on Tuesday evening", "nurse2.ed@stolav.example"],
      ["PUZZLE", "The lounge is unstaffed after 20:00", null],
      ["IDEA", "Use the lounge for patients waiting for pharmacy too", "nurse3.ed@stolav.example"],
    ],
    otherActions: [
      { title: "Ask IT for a second discharge printer in majors", owner: "nurse5.ed@stolav.example", due: -9, status: "OPEN", observation: "Discharge printer" },
      { title: "Add 'cannula out?' to the discharge checklist", owner: "lead.ed@stolav.example", due: -2, status: "DONE", observation: "Patient nearly discharged with a cannula" },
      { title: "Separate discharge desk in minors (cancelled: no staff to run it)", owner: "manager@stolav.example", due: 20, status: "CANCELLED" },
    ],
  },
};
