// Emergency Department and Riverside Clinic guidelines.
import type { ProcessDef, StepDef } from "./guidelines-types.ts";

const ED_LEAD = "lead.ed@stolav.example";

const DISCHARGE = {
  criteria: { key: "discharge-criteria", title: "Confirm discharge criteria are met", detail: "Senior review documented, observations within normal limits, walking safely or with support arranged." },
  meds: { key: "med-reconciliation", title: "Reconcile medications", detail: "Compare home medications with the ED plan; flag new anticoagulants, insulin and opioids to the patient." },
  instructions: { key: "written-instructions", title: "Give written discharge instructions", detail: "Diagnosis, medications and wound or injury care in plain language." },
  followUp: { key: "follow-up", title: "Arrange follow-up", detail: "Book clinic or GP follow-up before the patient leaves, or document why none is needed." },
  transport: { key: "transport", title: "Confirm transport home", detail: "Check that the patient has a safe way home and someone at home if needed." },
  safetyNet: { key: "safety-netting", title: "Give safety-net advice", detail: "Tell the patient which symptoms mean they should come back, and give the leaflet." },
} satisfies Record<string, StepDef>;

export const OTHER_PROCESSES: ProcessDef[] = [
  {
    team: "ed",
    slug: "discharge",
    name: "Discharge",
    description: "Discharge checklist for adult patients going home from majors and minors.",
    owner: ED_LEAD,
    versions: [
      {
        status: "RETIRED",
        created: 505,
        adopted: 500,
        reviewBy: -140,
        author: ED_LEAD,
        intro: "Checklist for every adult discharged home from the ED.",
        steps: [DISCHARGE.criteria, DISCHARGE.meds, DISCHARGE.instructions, DISCHARGE.followUp, DISCHARGE.transport, DISCHARGE.safetyNet],
        evidence: [
          "- Jack BW, et al. A reengineered hospital discharge program to decrease rehospitalization (Project RED). *Ann Intern Med.* 2009;150(3):178–87.",
          "- National Institute for Health and Care Excellence. *Emergency and acute medical care in over 16s: service delivery and organisation* (NG94). 2018.",
        ].join("\n"),
        rationale: "Most unplanned returns within 72 h follow a misunderstanding about medications or warning signs.",
        changeSummary: "First version: six-step discharge checklist.",
      },
      {
        status: "ADOPTED",
        created: 65,
        adopted: 62,
        reviewBy: 120,
        author: ED_LEAD,
        sourceExperiment: "ed-teach-back",
        intro: "Checklist for every adult discharged home from the ED. Instructions are checked with **teach-back**, not just handed over.",
        steps: [
          DISCHARGE.criteria,
          DISCHARGE.meds,
          { ...DISCHARGE.instructions, title: "Explain instructions and check with teach-back", detail: "Ask the patient to explain in their own words how to take new medications and what to watch for. Use an interpreter when needed." },
          DISCHARGE.followUp,
          DISCHARGE.transport,
          DISCHARGE.safetyNet,
        ],
        evidence: [
          "- Jack BW, et al. A reengineered hospital discharge program to decrease rehospitalization (Project RED). *Ann Intern Med.* 2009;150(3):178–87.",
          "- Agency for Healthcare Research and Quality. *Health Literacy Universal Precautions Toolkit*, Tool 5: Use the Teach-Back Method.",
          "- ED teach-back PDSA: checklist completion 74% → 88%; unplanned returns did not increase.",
        ].join("\n"),
        rationale: "Handing over a leaflet does not show understanding; teach-back does, in about a minute per patient.",
        changeSummary: "Step 3 now uses teach-back, with an interpreter when needed. Why: the teach-back experiment raised checklist completion and patients' recall of their medications without slowing discharge.",
      },
    ],
  },
  {
    team: "ed",
    slug: "patient-handoff",
    name: "Patient handoff",
    description: "ED shift handoff at the department whiteboard (08:00, 15:30, 22:00).",
    owner: ED_LEAD,
    versions: [
      {
        status: "ADOPTED",
        created: 300,
        adopted: 296,
        reviewBy: 65,
        author: ED_LEAD,
        intro: "Whiteboard handoff for every patient in majors and resus. Sickest first; minors in a separate huddle.",
        steps: [
          { key: "illness-severity", title: "Illness severity and triage category", detail: "State the triage category and whether the patient is stable, a watcher or unstable." },
          { key: "pending-results", title: "Pending results and imaging", detail: "Every outstanding blood test, CT and X-ray, with who will chase it." },
          { key: "disposition-plan", title: "Disposition plan", detail: "Admit, discharge or awaiting decision, and what the decision depends on." },
          { key: "safety-concerns", title: "Safety concerns", detail: "Falls risk, delirium, safeguarding, time-critical medications." },
          { key: "receiver-read-back", title: "Read-back", detail: "The receiver repeats pending results and safety concerns." },
        ],
        evidence: [
          "- Cheung DS, et al. Improving handoffs in the emergency department. *Ann Emerg Med.* 2010;55(2):171–80.",
          "- Starmer AJ, et al. Changes in medical errors after implementation of a handoff program. *N Engl J Med.* 2014;371:1803–12.",
        ].join("\n"),
        rationale: "In the ED, the riskiest handoff content is what is still pending; the structure puts it second, before the plan.",
        changeSummary: "First version: ED-specific handoff adapted from I-PASS, with pending results as a separate step.",
      },
    ],
  },
  {
    team: "primary",
    slug: "hand-hygiene",
    name: "Hand hygiene",
    description: "WHO 5 moments adapted to consulting rooms and the treatment room.",
    owner: "lead@riverside.example",
    versions: [
      {
        status: "ADOPTED",
        created: 205,
        adopted: 200,
        reviewBy: 165,
        author: "lead@riverside.example",
        intro: "Clean your hands at the WHO 5 moments. In a consulting room the 'patient zone' is the couch and the desk area near the patient.",
        steps: [
          { key: "before-patient-contact", title: "Before touching a patient", detail: "Before examining, taking blood pressure or shaking hands." },
          { key: "before-aseptic-task", title: "Before a clean or aseptic procedure", detail: "Before injections, vaccinations, wound care and smears." },
          { key: "after-body-fluid", title: "After body fluid exposure risk", detail: "After blood tests, wound care and removing gloves." },
          { key: "after-patient-contact", title: "After touching a patient", detail: "Before returning to the keyboard." },
          { key: "after-surroundings", title: "After touching patient surroundings", detail: "After touching the couch, equipment or the patient's belongings." },
        ],
        evidence: [
          "- World Health Organization. *Hand Hygiene in Outpatient and Home-based Care and Long-term Care Facilities.* Geneva: WHO; 2012.",
          "- Sax H, et al. 'My five moments for hand hygiene'. *J Hosp Infect.* 2007;67(1):9–21.",
        ].join("\n"),
        rationale: "Outpatient contacts are short and frequent; moments 1 and 4 carry most of the risk.",
        changeSummary: "First version: WHO 5 moments for outpatient care.",
      },
    ],
  },
];
