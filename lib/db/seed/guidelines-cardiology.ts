// Cardiology Ward 7 guidelines. Citations are real, widely used references; local audit figures
// are invented for the demo.
import type { ProcessDef, StepDef } from "./guidelines-types.ts";

const LEAD = "lead.cardio@stolav.example";

const CL = {
  hands: { key: "hand-hygiene", title: "Perform hand hygiene", detail: "Alcohol rub or soap and water immediately before touching the insertion kit." },
  barrier: { key: "max-barrier", title: "Use maximal sterile barrier precautions", detail: "Cap, mask, sterile gown and gloves for the operator; a full-body sterile drape for the patient." },
  chg: { key: "chg-prep", title: "Prepare the skin with chlorhexidine", detail: "2% chlorhexidine in 70% alcohol; scrub with back-and-forth friction and let it dry." },
  site: { key: "site-selection", title: "Choose the best site", detail: "Prefer subclavian or internal jugular; avoid femoral in adults unless there is no alternative." },
  checklist: { key: "insertion-checklist", title: "Observer completes the insertion checklist", detail: "A second person watches the whole procedure and may stop it if sterility is broken." },
  dressing: { key: "dressing", title: "Apply a sterile dressing and label it", detail: "Chlorhexidine-impregnated dressing; write date and time of insertion on the label." },
  review: { key: "daily-review", title: "Review line necessity every day", detail: "On the morning ward round: is the line still needed? Remove promptly when it is not." },
} satisfies Record<string, StepDef>;

const HH = {
  before: { key: "before-patient-contact", title: "Before touching a patient", detail: "Clean hands when approaching the patient, before any contact." },
  aseptic: { key: "before-aseptic-task", title: "Before a clean or aseptic procedure", detail: "Immediately before handling an invasive device, dressing or medication port." },
  fluid: { key: "after-body-fluid", title: "After body fluid exposure risk", detail: "Immediately after a procedure with a risk of exposure, and after removing gloves." },
  after: { key: "after-patient-contact", title: "After touching a patient", detail: "When leaving the patient's side, before touching anything else." },
  surroundings: { key: "after-surroundings", title: "After touching patient surroundings", detail: "After touching the bed rail, monitor or anything in the bed space, even without touching the patient." },
} satisfies Record<string, StepDef>;

const CLABSI_EVIDENCE = [
  "- O'Grady NP, et al. *Guidelines for the Prevention of Intravascular Catheter-Related Infections.* CDC/HICPAC, 2011 (updated 2017).",
  "- Pronovost P, et al. An intervention to decrease catheter-related bloodstream infections in the ICU. *N Engl J Med.* 2006;355:2725–32.",
  "- Buetti N, et al. Strategies to prevent central line-associated bloodstream infections in acute-care hospitals: 2022 update. *Infect Control Hosp Epidemiol.* 2022;43(5):553–69.",
];

const HH_EVIDENCE = [
  "- World Health Organization. *WHO Guidelines on Hand Hygiene in Health Care.* Geneva: WHO; 2009.",
  "- Sax H, et al. 'My five moments for hand hygiene': a user-centred design approach. *J Hosp Infect.* 2007;67(1):9–21.",
  "- Pittet D, et al. Effectiveness of a hospital-wide programme to improve compliance with hand hygiene. *Lancet.* 2000;356:1307–12.",
];

const HANDOFF_EVIDENCE = [
  "- Starmer AJ, et al. Changes in medical errors after implementation of a handoff program. *N Engl J Med.* 2014;371:1803–12.",
  "- Haig KM, Sutton S, Whittington J. SBAR: a shared mental model for improving communication between clinicians. *Jt Comm J Qual Patient Saf.* 2006;32(3):167–75.",
  "- The Joint Commission. *Sentinel Event Alert 58: Inadequate hand-off communication.* 2017.",
];

export const CARDIOLOGY_PROCESSES: ProcessDef[] = [
  {
    team: "cardio",
    slug: "central-line-insertion",
    name: "Central line insertion",
    description: "Insertion bundle for central venous catheters to prevent CLABSI.",
    owner: LEAD,
    versions: [
      {
        status: "RETIRED",
        created: 720,
        adopted: 714,
        reviewBy: -355,
        author: LEAD,
        intro: "Bundle for every central venous catheter inserted on Ward 7, based on the CDC insertion bundle.",
        steps: [CL.hands, CL.barrier, CL.chg, CL.site, CL.dressing, CL.review],
        evidence: CLABSI_EVIDENCE.join("\n"),
        rationale: "Bundles applied every time cut CLABSI rates by up to two thirds in the Keystone ICU project.",
        changeSummary: "First version: adopts the CDC insertion bundle as written.",
      },
      {
        status: "RETIRED",
        created: 401,
        adopted: 395,
        reviewBy: -30,
        author: LEAD,
        intro: "Bundle for every central venous catheter inserted on Ward 7. An observer with a checklist now watches every insertion.",
        steps: [CL.hands, CL.checklist, CL.barrier, CL.chg, CL.site, CL.dressing, CL.review],
        evidence: [...CLABSI_EVIDENCE, "- Ward 7 audit: 2 CLABSIs in the first quarter; in both, a break in the sterile field went unremarked."].join("\n"),
        rationale: "Breaks in sterility are hard to see for the operator; a second person with explicit permission to stop the procedure sees them.",
        changeSummary: "Added an observer with an insertion checklist and the authority to pause the procedure. Why: both CLABSIs in Q1 followed unnoticed breaks in the sterile field.",
      },
      {
        status: "TENTATIVE",
        created: (cal) => cal.centralLineV3At,
        reviewBy: 45,
        author: LEAD,
        sourceRetro: "cardio-closed",
        intro: "Tentative version under trial for 4 weeks. Makes the chlorhexidine dry time explicit and visible.",
        steps: [
          CL.hands,
          CL.checklist,
          CL.barrier,
          { ...CL.chg, title: "Scrub with chlorhexidine for 30 s, then let it dry for 30 s", detail: "Use the sand timer on the line cart. If the line is needed immediately, say so aloud, record a deviation and plan a replacement line within 48 h." },
          { ...CL.site, detail: "Prefer internal jugular or subclavian under ultrasound guidance; avoid femoral in adults unless there is no alternative." },
          CL.dressing,
          CL.review,
        ],
        evidence: [...CLABSI_EVIDENCE, "- Ward 7 deviations, last 3 months: 'dry time skipped' was the most frequent deviation on this guideline, usually under time pressure."].join("\n"),
        rationale: "Chlorhexidine kills skin flora only once it has dried. The step was the one most often dropped because nothing in the room shows how long 30 s is.",
        changeSummary: "Made the 30 s scrub and 30 s dry time explicit, with a sand timer on every line cart, and added an emergency path (record, replace within 48 h). Why: last month's retrospective found the dry time was the most skipped step, mostly during emergencies.",
      },
    ],
  },
  {
    team: "cardio",
    slug: "patient-handoff",
    name: "Patient handoff",
    description: "Nurse-to-nurse shift handoff at 07:30, 15:00 and 21:30.",
    owner: LEAD,
    versions: [
      {
        status: "RETIRED",
        created: 600,
        adopted: 596,
        reviewBy: -240,
        author: LEAD,
        intro: "Structured handoff using SBAR for every patient at every shift change.",
        steps: [
          { key: "state-situation", title: "Situation", detail: "Who the patient is and why they are here, in one sentence." },
          { key: "patient-summary", title: "Background", detail: "Relevant history, allergies, code status." },
          { key: "assessment", title: "Assessment", detail: "Latest observations, NEWS score and your concerns." },
          { key: "action-list", title: "Recommendation", detail: "What needs doing on the next shift and by when." },
          { key: "receiver-read-back", title: "Read-back", detail: "The receiving nurse repeats the key points and open tasks." },
        ],
        evidence: HANDOFF_EVIDENCE.join("\n"),
        rationale: "Communication failures contribute to most sentinel events; a fixed structure makes omissions visible.",
        changeSummary: "First version: SBAR for nursing handoff.",
      },
      {
        status: "ADOPTED",
        created: 244,
        adopted: 238,
        reviewBy: -12,
        author: LEAD,
        intro: "Structured handoff using **I-PASS** for every patient at every shift change. Sickest patients first.",
        steps: [
          { key: "illness-severity", title: "Illness severity", detail: "Stable, watcher or unstable, stated first so the receiver can prioritise." },
          { key: "patient-summary", title: "Patient summary", detail: "Diagnosis, relevant history, allergies, code status, events this shift." },
          { key: "action-list", title: "Action list", detail: "Tasks with owner and time, including pending results (troponins, potassium)." },
          { key: "situation-awareness", title: "Situation awareness and contingency", detail: "What might go wrong and what to do if it does." },
          { key: "receiver-read-back", title: "Synthesis by receiver", detail: "The receiver summarises and asks questions; the giver confirms." },
        ],
        evidence: [...HANDOFF_EVIDENCE, "- Ward 7 audit: 3.1 handoff omissions per day on average under SBAR, mostly pending results."].join("\n"),
        rationale: "I-PASS reduced preventable adverse events by 30% in the multicentre study; its explicit action list targets our most common omission (pending results).",
        changeSummary: "Replaced SBAR with I-PASS: illness severity first and an explicit action list with pending results. Why: pending results were the most common omission in our audit.",
      },
    ],
  },
  {
    team: "cardio",
    slug: "hand-hygiene",
    name: "Hand hygiene",
    description: "WHO 5 moments for hand hygiene, applied to the ward's bed spaces.",
    owner: LEAD,
    versions: [
      {
        status: "RETIRED",
        created: 800,
        adopted: 796,
        reviewBy: -430,
        author: LEAD,
        intro: "Clean your hands at each of the WHO 5 moments, with alcohol rub or soap and water.",
        steps: [HH.before, HH.aseptic, HH.fluid, HH.after, HH.surroundings],
        evidence: HH_EVIDENCE.join("\n"),
        rationale: "The 5 moments mark where transmission happens in the patient zone; they are the WHO standard for observation and audit.",
        changeSummary: "First version: WHO 5 moments.",
      },
      {
        status: "ADOPTED",
        created: 122,
        adopted: 119,
        reviewBy: 246,
        author: LEAD,
        sourceExperiment: "cardio-hh-bedside-rub",
        intro: "Clean your hands at each of the WHO 5 moments. **Use the rub on the bed rail**: it is there so the right moment is also the easiest one.",
        steps: [
          HH.before,
          HH.aseptic,
          { ...HH.fluid, detail: "Gloves off, rub on: every time, even if the gloves looked clean." },
          { ...HH.after, detail: "Use the bed-rail dispenser as you leave; rub for 20–30 s until dry." },
          HH.surroundings,
        ],
        evidence: [...HH_EVIDENCE, "- Ward 7 PDSA (bedside rub + 'gloves off, rub on' prompt): compliance in bays 1–2 rose from 77% to 93% in 3 weeks."].join("\n"),
        rationale: "Compliance depends on the rub being within reach at the moment of care. Our test showed bed-rail dispensers were used three times as often as wall dispensers.",
        changeSummary: "Alcohol rub on every bed rail and a 'gloves off, rub on' prompt. Why: the bedside-rub experiment raised compliance from 77% to 93% in the test bays.",
      },
    ],
  },
];
