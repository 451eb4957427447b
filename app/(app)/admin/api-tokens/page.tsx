import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens.ts";
import { formatDate, formatDateTime, isoDate } from "@/lib/format/dates.ts";
import { listTeams } from "@/lib/teams/list-teams.ts";
import { CreateApiTokenForm } from "@/components/forms/create-api-token-form.tsx";
import { RevokeTokenButton } from "@/components/forms/revoke-token-button.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const caller = await requireSessionCaller("/admin/api-tokens");
  // Pages for org admins only: everyone else sees "not found", like any page they cannot reach.
  if (!caller.isOrgAdmin || caller.tokenId) notFound();
  const [tokens, { teams }] = await Promise.all([listApiTokens(caller), listTeams(caller, { limit: 100 })]);

  return (
    <div className="space-y-8">
      <PageHeader title="API tokens" subtitle="Tokens let other systems read and write one team's data through the REST API (/api/v1)." />
      <Section id="create-token" title="Create a token">
        <Card>
          <CreateApiTokenForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
        </Card>
      </Section>
      <Section id="tokens" title="Tokens">
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet" />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {t.name}
                    {t.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}
                  </p>
                  <p className="text-sm text-slate-700">
                    <code className="rounded bg-slate-100 px-1 font-mono text-xs">{t.prefix}…</code> · {t.team.name}
                  </p>
                  <p className="text-sm text-slate-600">
                    Created <time dateTime={isoDate(t.createdAt)}>{formatDate(t.createdAt)}</time> · Last used{" "}
                    {t.lastUsedAt ? <time dateTime={t.lastUsedAt.toISOString()}>{formatDateTime(t.lastUsedAt)}</time> : "never"}
                    {t.expiresAt ? (
                      <>
                        {" "}
                        · Expires <time dateTime={isoDate(t.expiresAt)}>{formatDate(t.expiresAt)}</time>
                      </>
                    ) : null}
                    {t.revokedAt ? (
                      <>
                        {" "}
                        · Revoked <time dateTime={isoDate(t.revokedAt)}>{formatDate(t.revokedAt)}</time>
                      </>
                    ) : null}
                  </p>
                </div>
                {t.revokedAt ? null : <RevokeTokenButton id={t.id} name={t.name} />}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
