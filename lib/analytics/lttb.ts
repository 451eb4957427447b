/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) for drawing long series: keeps the
 * first and last points and, from each bucket in between, the point forming the largest triangle
 * with the previously kept point and the average of the next bucket. Points must be sorted by x.
 */

import type { XYPoint } from "./types";

/**
 * Returns at most `threshold` points of `points` (a copy of the input when it already fits).
 * A threshold below 2 cannot keep both ends, so it is rejected.
 */
export function lttb<T extends XYPoint>(points: readonly T[], threshold: number): T[] {
  const n = points.length;
  const target = Math.floor(threshold);
  if (!(target >= 0)) throw new RangeError(`lttb: threshold must be a number ≥ 2, got ${threshold}`);
  if (target >= n) return points.slice();
  if (target < 2) throw new RangeError(`lttb: threshold must be ≥ 2 to keep both ends, got ${threshold}`);

  const first = points[0] as T;
  const last = points[n - 1] as T;
  if (target === 2) return [first, last];

  const sampled: T[] = [first];
  // Interior points are split into target − 2 buckets of (fractional) equal size.
  const every = (n - 2) / (target - 2);
  let a = first;

  for (let bucket = 0; bucket < target - 2; bucket++) {
    const start = Math.floor(bucket * every) + 1;
    const end = Math.floor((bucket + 1) * every) + 1;

    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const p = points[j] as T;
      avgX += p.x;
      avgY += p.y;
    }
    const count = nextEnd - nextStart;
    // The last bucket's "next bucket" is the final point.
    if (count > 0) {
      avgX /= count;
      avgY /= count;
    } else {
      avgX = last.x;
      avgY = last.y;
    }

    // Start from the bucket's first point so a bucket of NaN areas still yields a point.
    let chosen = points[start] as T;
    let maxArea = -1;
    for (let j = start; j < end; j++) {
      const p = points[j] as T;
      const area = Math.abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y));
      if (area > maxArea) {
        maxArea = area;
        chosen = p;
      }
    }
    sampled.push(chosen);
    a = chosen;
  }

  sampled.push(last);
  return sampled;
}
