import { describe, expect, it } from "vitest";
import { observationPaths, observationSchemas } from "@/lib/observations/openapi.ts";

describe("observation OpenAPI export", () => {
  it("documents the endpoints and builds JSON Schemas from the zod schemas", () => {
    expect(Object.keys(observationPaths)).toEqual(["/processes", "/processes/{id}", "/observations", "/observations/{id}", "/observations/{id}/comments"]);
    const input = observationSchemas.ObservationInput as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(["teamId", "kind", "text", "processId", "stepId", "deviationReason", "severity", "anonymous"]));
    expect(input.required).toEqual(expect.arrayContaining(["teamId", "kind", "text"]));
    const output = observationSchemas.Observation as { properties: Record<string, { enum?: string[] }> };
    expect(output.properties.kind?.enum).toEqual(["deviation", "problem", "near_miss", "workaround", "idea", "praise"]);
    expect(JSON.stringify(observationPaths)).toContain("Idempotency-Key");
  });
});
