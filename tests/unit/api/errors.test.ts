import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors.ts";
import { parseJsonBody, parseQuery, toErrorResponse } from "@/lib/api/handler.ts";

const body = async (r: Response) => ({ status: r.status, json: await r.json(), retryAfter: r.headers.get("retry-after") });

describe("error mapping", () => {
  it("keeps a typed error's status and safe message", async () => {
    expect(await body(toErrorResponse(new AppError("CONFLICT", "Already there.")))).toMatchObject({
      status: 409,
      json: { error: { code: "CONFLICT", message: "Already there." } },
    });
  });

  it("adds Retry-After for rate limits and outages", async () => {
    expect((await body(toErrorResponse(new AppError("RATE_LIMITED", "Slow down.", { retryAfterSeconds: 30 })))).retryAfter).toBe("30");
    const outage = await body(toErrorResponse(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })));
    expect(outage.status).toBe(503);
    expect(outage.retryAfter).toBe("5");
  });

  it("turns zod failures into 400 with the field path", async () => {
    const parsed = z.object({ email: z.string().email() }).safeParse({ email: "x" });
    const res = await body(toErrorResponse(parsed.error));
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("email");
  });

  it("answers unexpected errors with a generic 500 that leaks nothing", async () => {
    const original = console.error;
    console.error = () => {};
    const res = await body(toErrorResponse(new Error("secret detail: password=hunter2")));
    console.error = original;
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.json)).not.toContain("hunter2");
  });
});

describe("request parsing", () => {
  const schema = z.object({ name: z.string().min(1) });
  const req = (text: string, headers: Record<string, string> = {}) => new Request("http://x/", { method: "POST", body: text, headers });

  it("rejects malformed JSON with 400", async () => {
    await expect(parseJsonBody(req("{nope"), schema)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rejects bodies over the limit with 413", async () => {
    await expect(parseJsonBody(req(JSON.stringify({ name: "x".repeat(300_000) })), schema)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(parseJsonBody(req("{}", { "content-length": "999999999" }), schema)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("validates bodies and queries", async () => {
    await expect(parseJsonBody(req('{"name":""}'), schema)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(parseJsonBody(req('{"name":"ok"}'), schema)).resolves.toEqual({ name: "ok" });
    expect(parseQuery(new Request("http://x/?name=a"), schema)).toEqual({ name: "a" });
    expect(() => parseQuery(new Request("http://x/"), schema)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});
