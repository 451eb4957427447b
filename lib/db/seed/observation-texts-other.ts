// Emergency Department and Riverside Clinic observation templates.
import type { ObservationTemplate } from "./observation-types.ts";

export const ED_TEMPLATES: ObservationTemplate[] = [
  {
    kind: "DEVIATION", process: "discharge", step: "med-reconciliation", weight: 2,
    texts: ["Discharged without medication reconciliation", "New anticoagulant not explained before discharge"],
    reasons: ["Pharmacist off the floor and the patient's transport was waiting", "Patient self-discharged before the review"],
    severities: ["MEDIUM", "HIGH"],
  },
  {
    kind: "DEVIATION", process: "discharge", step: "written-instructions", weight: 2,
    texts: ["Instructions given only in English to a patient who reads Arabic", "No teach-back for wound care instructions"],
    reasons: ["No translated leaflet available", "Department full, 8 patients waiting to be seen", "Interpreter line queue over 25 minutes"],
    weDid: "You said, we did: safety-net and wound-care leaflets are now printed in the five most common languages, and interpreter tablets are in majors.",
  },
  {
    kind: "DEVIATION", process: "discharge", step: "safety-netting",
    texts: ["No safety-net advice given after a minor head injury"],
    reasons: ["Patient left while I was in resus"],
    severities: ["HIGH"],
  },
  {
    kind: "DEVIATION", process: "discharge", step: "follow-up",
    texts: ["Follow-up not booked; patient asked to call their GP"],
    reasons: ["Clinic booking system unavailable after 22:00"],
  },
  {
    kind: "DEVIATION", process: "patient-handoff", step: "pending-results", weight: 2,
    texts: ["Pending CT result not handed over at shift change", "Outstanding blood cultures not mentioned at handoff"],
    reasons: ["Handoff rushed during an ambulance surge", "Result came back in the middle of handoff"],
    severities: ["MEDIUM", "HIGH"],
    weDid: "You said, we did: we are testing a 'pending' column on the majors whiteboard, starting next week.",
  },
  {
    kind: "DEVIATION", process: "patient-handoff", step: "receiver-read-back",
    texts: ["No read-back at the 22:00 handoff"],
    reasons: ["Resus call in the middle of handoff"],
  },
  {
    kind: "PROBLEM", process: "discharge", weight: 2,
    texts: ["Patient fit for discharge waited over 2 h for transport in a cubicle", "Three patients waiting for transport in majors at {time}"],
    weDid: "You said, we did: we are trialling a discharge lounge by the entrance for patients waiting for transport.",
  },
  { kind: "PROBLEM", texts: ["Discharge printer in majors out of toner again", "No wheelchair at the front door during {shift}", "Six patients on trolleys in the corridor at {time}"] },
  { kind: "PROBLEM", process: "discharge", experiment: true, weight: 3, texts: ["Discharge lounge unstaffed after 20:00: patients moved back to cubicles"] },
  { kind: "PRAISE", process: "discharge", experiment: true, weight: 3, texts: ["Discharge lounge freed a cubicle: ambulance handover 40 minutes sooner"] },
  { kind: "WORKAROUND", process: "discharge", experiment: true, weight: 3, texts: ["Lounge full, so patients waiting for transport sit on corridor chairs"] },
  {
    kind: "NEAR_MISS", process: "discharge",
    texts: ["Patient nearly discharged with a cannula still in place"],
    weDid: "You said, we did: 'cannula out?' is now a tick box on the discharge checklist.",
  },
  {
    kind: "NEAR_MISS",
    texts: ["Two patients with the same name in majors; ECG nearly filed to the wrong record", "Paracetamol nearly given to a patient who had taken the maximum dose at home", "Sepsis screen missed at triage; picked up on repeat observations"],
    severities: ["MEDIUM", "HIGH"],
  },
  { kind: "WORKAROUND", texts: ["Printing discharge letters in minors because the majors printer is broken"] },
  { kind: "WORKAROUND", process: "patient-handoff", texts: ["Keeping a paper list of pending results because the board doesn't show them"] },
  { kind: "WORKAROUND", process: "discharge", texts: ["Using a translation app on my own phone for discharge advice"] },
  { kind: "IDEA", process: "discharge", texts: ["A discharge lounge for patients waiting for transport", "Print the teach-back prompt on the discharge checklist"] },
  { kind: "IDEA", process: "patient-handoff", texts: ["Show pending results on the department whiteboard"] },
  { kind: "IDEA", texts: ["Safety-net leaflets in the five most common languages"] },
  {
    kind: "PRAISE",
    texts: ["Calm, clear handoffs during a very busy night", "Porter went out of his way to get a frail patient home before dark", "Triage nurse spotted sepsis early: antibiotics within 40 minutes"],
  },
];

export const RIVERSIDE_TEMPLATES: ObservationTemplate[] = [
  {
    kind: "DEVIATION", process: "hand-hygiene", step: "before-patient-contact",
    texts: ["No hand hygiene before examining a patient in room {bay}"],
    reasons: ["Sink in the room blocked and no rub dispenser"],
    severities: ["LOW"],
    weDid: "You said, we did: every consulting room desk now has its own rub dispenser.",
  },
  {
    kind: "DEVIATION", process: "hand-hygiene", step: "after-patient-contact",
    texts: ["Went back to the keyboard without hand rub after an examination"],
    reasons: ["Running 40 minutes late with a full waiting room"],
    severities: ["LOW"],
  },
  { kind: "PROBLEM", texts: ["Vaccine fridge temperature alarm at {time}", "Referral letters backlog: 5 days behind", "Phone lines jammed during the 08:00 rush"] },
  { kind: "NEAR_MISS", texts: ["Prescription nearly issued for another patient with the same birthday", "Expired vaccine found in the fridge before use"], severities: ["MEDIUM", "HIGH"] },
  { kind: "WORKAROUND", texts: ["Paper sign-in list while the check-in kiosk is down"] },
  { kind: "IDEA", texts: ["Text reminders for blood test appointments", "Hand rub on every consulting room desk"] },
  { kind: "PRAISE", texts: ["Reception handled the 08:00 rush brilliantly"] },
];
