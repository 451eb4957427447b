// GET /api/v1/openapi.json — the OpenAPI 3 document (public)
import { openApiDocument } from "@/lib/api/openapi.ts";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
