// The caller, resolved once per request from the session cookie or an API token, and re-checked
// against the database every time (a removed or demoted member loses access on the next request).
import type { Role } from "./permissions.ts";

export type Caller = {
  /** Null when the caller is an API token rather than a person. */
  userId: string | null;
  tokenId: string | null;
  orgId: string;
  isOrgAdmin: boolean;
  name: string;
  email: string | null;
  /** Team memberships; an API token has exactly one, for its team. */
  teams: { teamId: string; role: Role }[];
};

/** What a team-scoped use case receives: who, in which organization and team, with which role. */
export type TeamContext = {
  userId: string | null;
  tokenId: string | null;
  orgId: string;
  teamId: string;
  role: Role;
};
