import { describe, expect, it } from "vitest";
import { createObservationInput } from "@/lib/observations/schema.ts";
import { observationRequestHash } from "@/lib/observations/request-hash.ts";
import { normalizeReceiptCode } from "@/lib/observations/receipt-code.ts";

describe("createObservationInput", () => {
  it("requires a reason for deviations only", () => {
    expect(createObservationInput.safeParse({ teamId: "t", kind: "deviation", text: "x" }).success).toBe(false);
    expect(createObservationInput.safeParse({ teamId: "t", kind: "deviation", text: "x", deviationReason: "  " }).success).toBe(false);
    expect(createObservationInput.safeParse({ teamId: "t", kind: "deviation", text: "x", deviationReason: "why" }).success).toBe(true);
    expect(createObservationInput.safeParse({ teamId: "t", kind: "idea", text: "x" }).success).toBe(true);
  });

  it("treats null optional fields as absent", () => {
    const parsed = createObservationInput.parse({ teamId: "t", kind: "idea", text: "x", processId: null, severity: null, anonymous: true });
    expect(parsed).toEqual({ teamId: "t", kind: "idea", text: "x", anonymous: true });
  });
});

describe("observationRequestHash", () => {
  it("ignores the idempotency key and whitespace but not the content", () => {
    const a = createObservationInput.parse({ teamId: "t", kind: "idea", text: " x ", clientSubmissionId: "key-00000001" });
    const b = createObservationInput.parse({ text: "x", kind: "idea", teamId: "t", clientSubmissionId: "key-00000002" });
    const c = createObservationInput.parse({ teamId: "t", kind: "idea", text: "y" });
    expect(observationRequestHash(a)).toBe(observationRequestHash(b));
    expect(observationRequestHash(a)).not.toBe(observationRequestHash(c));
  });
});

describe("normalizeReceiptCode", () => {
  it("accepts what people type", () => {
    expect(normalizeReceiptCode("ll-demq-7k4x")).toBe("LL-DEMQ-7K4X");
    expect(normalizeReceiptCode("DEMQ 7K4X")).toBe("LL-DEMQ-7K4X");
    expect(normalizeReceiptCode("abc")).toBeNull();
  });
});
