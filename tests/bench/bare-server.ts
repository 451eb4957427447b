// The ceiling: a bare Node http + pg server doing the same work per request as
// POST /api/v1/observations at its simplest: bearer-token lookup, JSON parse, an idempotent insert.
import http from "node:http";
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function startBareServer(databaseUrl: string, port: number): Promise<http.Server> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer(async (req, res) => {
    try {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { teamId: string; kind: string; text: string };
      const auth = await pool.query<{ organizationId: string; teamId: string }>(`select "organizationId", "teamId" from "ApiToken" where "tokenHash" = $1 and "revokedAt" is null`, [sha256(token ?? "")]);
      const caller = auth.rows[0];
      if (!caller || caller.teamId !== body.teamId) {
        res.writeHead(401).end();
        return;
      }
      const key = String(req.headers["idempotency-key"]);
      const now = new Date();
      const inserted = await pool.query(
        `insert into "Observation" (id, "organizationId", "teamId", kind, text, anonymous, "clientSubmissionId", "requestHash", status, "occurredAt", "createdAt")
         values ($1, $2, $3, $4, $5, false, $6, $7, 'NEW', $8, $8)
         on conflict ("organizationId", "clientSubmissionId") do nothing returning id`,
        [randomUUID(), caller.organizationId, caller.teamId, body.kind.toUpperCase(), body.text, key, sha256(JSON.stringify(body)), now],
      );
      res.writeHead(inserted.rowCount ? 201 : 200, { "content-type": "application/json" }).end(JSON.stringify({ observation: { id: inserted.rows[0]?.id ?? null } }));
    } catch {
      res.writeHead(500).end();
    }
  });
  server.on("close", () => void pool.end());
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
