// The demo accounts, shown on the sign-in page in development and in the README. Every demo user
// shares one password so that anyone trying the app can switch roles quickly.
export const DEMO_PASSWORD = "learning-loop-demo";

export type DemoLogin = { email: string; name: string; role: string };

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "admin@stolav.example", name: "Ingrid Solberg", role: "Organization admin, St Olav Hospital" },
  { email: "manager@stolav.example", name: "Erik Haugen", role: "Manager, Cardiology Ward 7 and Emergency Department" },
  { email: "lead.cardio@stolav.example", name: "Sofie Berg", role: "Team lead, Cardiology Ward 7" },
  { email: "nurse.cardio@stolav.example", name: "Amira Hassan", role: "Nurse, Cardiology Ward 7" },
  { email: "lead.ed@stolav.example", name: "Jonas Eriksen", role: "Team lead, Emergency Department" },
  { email: "admin@riverside.example", name: "Grace Okafor", role: "Organization admin, Riverside Clinic" },
  { email: "lead@riverside.example", name: "Tom Becker", role: "Team lead, Primary Care (Riverside Clinic)" },
];

/**
 * Receipt code of one anonymous Cardiology observation that has a "you said, we did" reply, so
 * the anonymous read-back flow can be demonstrated without submitting a new report first.
 */
export const DEMO_RECEIPT_CODE = "LL-DEMQ-7K4X";
