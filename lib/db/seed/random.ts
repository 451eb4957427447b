// Deterministic helpers for the demo seed. A fixed PRNG seed means the same `now` always gives
// the same demo data, so screenshots, demos and tests are stable; dates are relative to `now`.
import { createHash, randomUUID } from "node:crypto";

export type Rng = {
  next: () => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
  normal: (mean: number, sd: number) => number;
  poisson: (lambda: number) => number;
  binomial: (n: number, p: number) => number;
  shuffle: <T>(items: readonly T[]) => T[];
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  // mulberry32: tiny, fast and good enough for demo noise (not for anything secret).
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return pick(entries)[0];
  };
  const normal = (mean: number, sd: number) => {
    // Box–Muller; 1 - next() avoids log(0).
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const poisson = (lambda: number) => {
    // Knuth's method is fine for the small rates used here.
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = next();
    while (p > limit) {
      k++;
      p *= next();
    }
    return k;
  };
  const binomial = (n: number, p: number) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (next() < p) k++;
    return k;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { next, int, chance: (p) => next() < p, pick, weighted, normal, poisson, binomial, shuffle };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const addDays = (date: Date, days: number) => addMs(date, days * DAY);
export const addHours = (date: Date, hours: number) => addMs(date, hours * HOUR);
export const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
export const maxDate = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Monday 00:00 UTC of the ISO week containing `date`. */
export function startOfIsoWeek(date: Date): Date {
  const day = startOfUtcDay(date);
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

export function startOfUtcMonth(date: Date, monthOffset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthOffset, 1));
}

/** Anonymous observations keep only the hour, so a timestamp cannot single out a reporter. */
export function truncateToHour(date: Date): Date {
  const d = new Date(date);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");
export const newId = () => randomUUID();

// No 0/O, 1/I/L or U: the code is read off a phone screen and typed back in later.
const RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

export function receiptCode(rng: Rng): string {
  const chunk = () => Array.from({ length: 4 }, () => rng.pick([...RECEIPT_ALPHABET])).join("");
  return `LL-${chunk()}-${chunk()}`;
}

/** Fills `{bed}`, `{bay}`, `{shift}` and `{time}` so repeated templates read like different reports. */
export function fillTemplate(text: string, rng: Rng): string {
  return text
    .replaceAll("{bed}", () => String(rng.int(1, 24)))
    .replaceAll("{bay}", () => String(rng.int(1, 6)))
    .replaceAll("{shift}", () => rng.pick(["the night shift", "the day shift", "the evening shift", "the weekend"]))
    .replaceAll("{time}", () => `${String(rng.int(0, 23)).padStart(2, "0")}:${rng.pick(["05", "20", "35", "50"])}`);
}
