import { createHash } from "node:crypto";
import type { CreateObservationInput } from "./schema.ts";

/**
 * sha256 of the request's meaning (not its bytes): key order, whitespace and the idempotency key
 * itself do not change it, so a retry of the same submission matches and a different one does not.
 */
export function observationRequestHash(input: CreateObservationInput): string {
  const canonical = [
    input.teamId,
    input.kind,
    input.text,
    input.processId ?? "",
    input.stepId ?? "",
    input.deviationReason ?? "",
    input.severity ?? "",
    input.anonymous ? "1" : "0",
    input.occurredAt ?? "",
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
