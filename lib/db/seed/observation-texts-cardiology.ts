// Cardiology Ward 7 observation templates: what nurses on a cardiology ward actually report.
import type { ObservationTemplate } from "./observation-types.ts";

export const CARDIOLOGY_TEMPLATES: ObservationTemplate[] = [
  {
    kind: "DEVIATION", process: "central-line-insertion", step: "chg-prep", weight: 4, beforeCentralLineV3: true,
    texts: ["Skipped chlorhexidine 30 s dry time", "Chlorhexidine not dry before draping (bed {bed})", "Scrubbed about 10 s instead of 30 s before CVC insertion"],
    reasons: ["Patient crashing, needed line immediately", "Operator started draping before the prep had dried", "No clock visible from the sterile field", "Second patient deteriorating in the same bay"],
    severities: ["MEDIUM", "HIGH"],
    weDid: "You said, we did: central line v3 makes the 30 s scrub and 30 s dry time explicit, and every line cart now has a sand timer.",
  },
  {
    kind: "DEVIATION", process: "central-line-insertion", step: "chg-prep", sinceCentralLineV3: true,
    texts: ["Dry time shortened: line needed immediately (bed {bed})", "Sand timer not used during CVC insertion"],
    reasons: ["Peri-arrest, emergency path used and replacement planned within 48 h", "Timer missing from the cart in bay {bay}"],
    severities: ["MEDIUM"],
  },
  {
    kind: "DEVIATION", process: "central-line-insertion", step: "max-barrier",
    texts: ["Line inserted without a full-body drape", "Cap and mask only, no sterile gown, for CVC in bed {bed}"],
    reasons: ["Full-size drapes out of stock on the line cart", "Emergency insertion in the corridor bay, no room to drape"],
    severities: ["MEDIUM", "HIGH"],
    weDid: "You said, we did: the night HCA now restocks line carts against a checklist, and full drapes are on the par list.",
  },
  {
    kind: "DEVIATION", process: "central-line-insertion", step: "insertion-checklist",
    texts: ["No observer for the insertion checklist", "Insertion checklist filled in after the procedure"],
    reasons: ["Only one nurse on the bay during {shift}", "Observer called away to a cardiac arrest"],
  },
  {
    kind: "DEVIATION", process: "central-line-insertion", step: "daily-review",
    texts: ["Line necessity not reviewed on the ward round", "CVC left in a day after IV antibiotics stopped (bed {bed})"],
    reasons: ["Ward round ran late, line review skipped", "Not on the round checklist for weekend cover"],
  },
  {
    kind: "DEVIATION", process: "hand-hygiene", step: "after-patient-contact", weight: 2,
    texts: ["Went from patient to computer without hand rub", "Gloves off, no hand rub before the next patient in bay {bay}"],
    reasons: ["Dispenser at bed {bed} empty", "Answering a call bell in the next bay", "Hands sore from rub, used gloves instead"],
    severities: ["LOW", "MEDIUM"],
  },
  {
    kind: "DEVIATION", process: "hand-hygiene", step: "before-aseptic-task",
    texts: ["No hand rub before flushing a cannula", "Hand hygiene skipped before changing a PICC dressing"],
    reasons: ["Thought clean gloves were enough", "Interrupted by a relative's question and forgot"],
  },
  {
    kind: "DEVIATION", process: "patient-handoff", step: "action-list", weight: 2,
    texts: ["Handoff given without an action list", "Pending troponin not handed over for bed {bed}", "Pending potassium result not on the action list"],
    reasons: ["Handoff interrupted by an emergency admission", "Agency nurse not familiar with the I-PASS sheet", "Result requested minutes before handoff"],
    severities: ["MEDIUM", "HIGH"],
  },
  {
    kind: "DEVIATION", process: "patient-handoff", step: "receiver-read-back",
    texts: ["No read-back at the night handoff", "Receiver did not summarise back for the two unstable patients"],
    reasons: ["Handoff running 30 minutes late, medication round already due", "Call bell going throughout handoff"],
  },
  {
    kind: "DEVIATION", process: "patient-handoff", step: "illness-severity",
    texts: ["Illness severity not stated for a deteriorating patient (bed {bed})"],
    reasons: ["NEWS had just been updated and was not yet on the board"],
    severities: ["HIGH"],
  },
  {
    kind: "PROBLEM", process: "central-line-insertion",
    texts: ["Chlorhexidine applicators missing from the line cart", "Line cart in bay {bay} not restocked after last insertion"],
    weDid: "You said, we did: line carts are now on the night HCA checklist and have a tamper tag once restocked.",
  },
  {
    kind: "PROBLEM", process: "hand-hygiene", weight: 2,
    texts: ["Hand rub dispenser by bed {bed} empty again", "Two bed-rail dispensers in bay {bay} broken"],
    weDid: "You said, we did: dispensers are on the HCA daily check, and facilities refill them every Monday and Thursday.",
  },
  { kind: "PROBLEM", texts: ["Infusion pump in bay {bay} alarms 'occlusion' with no occlusion", "Telemetry box batteries flat at the start of {shift}"] },
  { kind: "PROBLEM", process: "patient-handoff", texts: ["Handoff room too noisy to hear report during {shift}", "I-PASS sheets ran out on nights"] },
  { kind: "PROBLEM", texts: ["Discharge prescriptions waiting 3 h in the pharmacy queue", "Only one working bladder scanner on the ward"] },
  {
    kind: "PROBLEM", process: "patient-handoff", experiment: true, weight: 2,
    texts: ["Bedside handoff woke the patient in bed {bed}", "Bedside I-PASS ran 10 minutes over on {shift}"],
  },
  { kind: "PRAISE", process: "patient-handoff", experiment: true, weight: 3, texts: ["Bedside I-PASS caught a missed potassium result for bed {bed}"] },
  { kind: "IDEA", process: "patient-handoff", experiment: true, weight: 3, texts: ["End bedside I-PASS by asking the patient: 'anything we missed?'"] },
  {
    kind: "NEAR_MISS",
    texts: ["Heparin and saline flush syringes look almost identical; nearly picked the wrong one", "Potassium infusion nearly run at the wrong rate: pump drug library not used"],
    severities: ["HIGH"],
    weDid: "You said, we did: heparin flushes now live in a separate red-labelled drawer, and pharmacy is reviewing the supplier.",
  },
  {
    kind: "NEAR_MISS",
    texts: ["Bed {bed} nearly got a second dose of furosemide: first dose not signed for", "Wrong patient label almost put on a blood sample (two patients with the same surname)", "Penicillin-allergic patient without an allergy band"],
  },
  {
    kind: "WORKAROUND", process: "central-line-insertion", beforeCentralLineV3: true,
    texts: ["Using my own phone timer for the 30 s dry time", "Counting out loud to 30 for chlorhexidine dry time"],
  },
  { kind: "WORKAROUND", process: "patient-handoff", texts: ["Writing the action list on a paper towel because the I-PASS sheets ran out"] },
  { kind: "WORKAROUND", process: "hand-hygiene", texts: ["Carrying a pocket bottle of rub because the bay dispensers are unreliable"] },
  { kind: "WORKAROUND", texts: ["Borrowing a telemetry box from Ward 6 because ours were all charging"] },
  { kind: "IDEA", process: "central-line-insertion", beforeCentralLineV3: true, texts: ["Put a 30 s sand timer on every line cart"] },
  { kind: "IDEA", process: "central-line-insertion", texts: ["Add 'is the line still needed?' to the ward round board"] },
  { kind: "IDEA", process: "patient-handoff", texts: ["Pre-printed I-PASS stickers for the notes", "Hand over the sickest three at the bedside"] },
  { kind: "IDEA", texts: ["Colour-code flush syringes: blue for saline, red for heparin", "Moisturiser in every bay so rub doesn't hurt"] },
  {
    kind: "PRAISE",
    texts: ["Night team handoff for bed {bed} was excellent: clear action list and read-back", "Observer paused a line insertion to re-drape: exactly right", "New HCA restocked every line cart without being asked", "Pharmacist caught a duplicate anticoagulant order before it reached the patient"],
  },
];
