import type { Metadata } from "next";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";
import { can, invitableRoles } from "@/lib/auth/permissions.ts";
import { formatDate, isoDate } from "@/lib/format/dates.ts";
import { listPendingInvitations } from "@/lib/invitations/list-invitations.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getTeamOrThrow } from "@/lib/teams/get-team.ts";
import { listMembers } from "@/lib/teams/list-members.ts";
import { assignableRolesFor, mayManageMember } from "@/lib/members/policy.ts";
import { InviteMemberForm } from "@/components/forms/invite-member-form.tsx";
import { AccountControls } from "@/components/members/account-controls.tsx";
import { MemberControls } from "@/components/members/member-controls.tsx";
import { TeamTabs } from "@/components/layout/team-tabs.tsx";
import { Badge, RoleBadge } from "@/components/ui/badge.tsx";
import { Card, EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Team members" };

const listClass = "divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm";

export default async function MembersPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const caller = await requireSessionCaller(`/teams/${teamId}/members`);
  const team = await orNotFound(getTeamOrThrow(caller, teamId));
  const members = await listMembers(caller, team.id);
  const role = roleInTeam(caller, team.id);
  const mayInvite = Boolean(role && can(role, "invite:member") && caller.userId);
  const roles = role ? invitableRoles(role).filter((r) => r !== "ADMIN") : [];
  // A person never manages their own membership; the use cases enforce the same rules.
  const controlsFor = (m: (typeof members)[number]) => {
    if (!role || !caller.userId || m.email === caller.email) return null;
    const options = assignableRolesFor(role, m.role).filter((r): r is "MANAGER" | "LEAD" | "MEMBER" => r !== "ADMIN");
    const mayRemove = mayManageMember(role, m.role, null);
    return options.length > 1 || mayRemove ? { options, mayRemove } : null;
  };
  // Accounts are organization-wide: only org admins (de)activate them, never their own.
  const mayManageAccount = (m: (typeof members)[number]) => caller.isOrgAdmin && Boolean(caller.userId) && m.userId !== caller.userId;
  const pending = mayInvite ? await listPendingInvitations(caller, team.id) : [];

  return (
    <div className="space-y-6">
      <PageHeader title={team.name} subtitle={`${members.length} ${members.length === 1 ? "member" : "members"}`} />
      <TeamTabs teamId={team.id} current="members" />

      {mayInvite && roles.length > 0 ? (
        <Section id="invite" title="Invite someone" description="They get a link to create their account and join this team.">
          <Card>
            <InviteMemberForm teamId={team.id} roles={roles} />
          </Card>
        </Section>
      ) : null}

      <Section id="members" title="Members">
        {members.length === 0 ? (
          <EmptyState title="No members yet">{mayInvite ? "Invite the people who work in this team." : "Ask a team manager to invite people."}</EmptyState>
        ) : (
          <ul className={listClass}>
            {members.map((m) => {
              const controls = controlsFor(m);
              return (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {m.name} {m.deactivated ? <Badge>Deactivated</Badge> : null}
                    </p>
                    <p className="break-all text-sm text-slate-600">{m.email}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <RoleBadge role={m.role} />
                    {controls ? (
                      <MemberControls teamId={team.id} membershipId={m.id} name={m.name} role={m.role} roles={controls.options} mayRemove={controls.mayRemove} />
                    ) : null}
                    {mayManageAccount(m) ? <AccountControls userId={m.userId} name={m.name} deactivated={m.deactivated} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      {mayInvite ? (
        <Section id="pending" title="Pending invitations" description="Invitations that have not been accepted yet.">
          {pending.length === 0 ? (
            <EmptyState title="No pending invitations" />
          ) : (
            <ul className={listClass}>
              {pending.map((inv) => (
                <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <div className="min-w-0">
                    <p className="break-all font-medium text-slate-900">{inv.email}</p>
                    <p className="text-sm text-slate-600">
                      Expires <time dateTime={isoDate(inv.expiresAt)}>{formatDate(inv.expiresAt)}</time>
                    </p>
                  </div>
                  <RoleBadge role={inv.role} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
    </div>
  );
}
