import { describe, expect, it } from "vitest";
import { measurePaths, measureSchemas } from "@/lib/measures/openapi.ts";

describe("measure OpenAPI fragments", () => {
  it("describes every measure route and resolves every local $ref", () => {
    expect(Object.keys(measurePaths)).toEqual([
      "/measures",
      "/measures/{id}",
      "/measures/{id}/data-points",
      "/measures/{id}/data-points/{pointId}",
      "/measures/{id}/data-points/import",
      "/measures/{id}/data-points.csv",
      "/measures/{id}/chart",
    ]);
    const refs = [...JSON.stringify(measurePaths).matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
    for (const name of new Set(refs)) expect(name === "Error" || name! in measureSchemas, name).toBe(true);
    expect(measureSchemas.Measure).toHaveProperty("properties.type.enum");
  });
});
