/**
 * The JSON the simulated API answers with, shaped after the vendor's documented samples (S7 and
 * the Tines API reference): field names and nesting as documented, values from the tenant.
 * Ids are the simulator's strings, not the vendor's integers.
 */
import type { Account, Story, TeamRole, Tenant } from '../model';

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** "Jane Tino" -> first "Jane", last "Tino"; one word is a first name only. */
export function splitName(name: string): { first_name: string; last_name: string } {
  const space = name.indexOf(' ');
  return space < 0
    ? { first_name: name, last_name: '' }
    : { first_name: name.slice(0, space), last_name: name.slice(space + 1) };
}

/** Team roles as the API writes them. */
export const API_TEAM_ROLES: Readonly<Record<TeamRole, string>> = {
  team_admin: 'TEAM_ADMIN',
  editor: 'EDITOR',
  viewer: 'VIEWER',
};

/** A user of `GET /api/v1/admin/users` (S7). `admin` is the tenant owner role. */
export function userResource(tenant: Tenant, account: Account, withTeams: boolean) {
  const user = {
    id: account.id,
    scim_uid: null,
    email: account.email,
    admin: account.tenantRole === 'owner',
    tenant_permissions: [...account.permissions],
    is_active: account.status === 'active',
    created_at: isoTime(account.invitedAt),
    updated_at: isoTime(account.updatedAt),
    ...splitName(account.name),
    last_seen: null,
  };
  if (!withTeams) return user;
  const team_memberships = Object.entries(account.teamRoles).map(([teamId, role]) => ({
    team_id: teamId,
    team_name: tenant.teams.get(teamId)?.name ?? teamId,
    role: API_TEAM_ROLES[role],
  }));
  return { ...user, team_memberships };
}

/** A member of `GET /api/v1/teams/{id}/members`. Note `is_admin` here, `admin` above (vendor's). */
export function memberResource(account: Account, role: TeamRole) {
  return {
    id: account.id,
    ...splitName(account.name),
    email: account.email,
    is_admin: account.tenantRole === 'owner',
    created_at: isoTime(account.invitedAt),
    last_seen: null,
    invitation_accepted: true,
    role: API_TEAM_ROLES[role],
  };
}

/** The story `POST /api/v1/stories` answers with (the fields of the vendor's story samples). */
export function storyResource(story: Story, userId: string | null) {
  return {
    id: story.id,
    name: story.name,
    user_id: userId,
    description: null,
    keep_events_for: 604800,
    disabled: false,
    priority: false,
    team_id: story.teamId,
    folder_id: null,
    tags: [],
    created_at: isoTime(story.createdAt),
    updated_at: isoTime(story.createdAt),
  };
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly meta: {
    readonly current_page: string;
    readonly previous_page: string | null;
    readonly next_page: string | null;
    readonly next_page_number: number | null;
    readonly per_page: number;
    readonly pages: number;
    readonly count: number;
  };
}

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 500;

/**
 * One page of `count` items and the vendor's `meta` object (links against the tenant's domain).
 * `itemAt(i)` is called only for the items on the page: a 10,000-person list costs a page.
 */
export function paginate<T>(
  domain: string,
  path: string,
  query: URLSearchParams,
  count: number,
  page: number,
  perPage: number,
  itemAt: (index: number) => T,
): Page<T> {
  const pages = Math.max(1, Math.ceil(count / perPage));
  const link = (n: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(n));
    params.set('per_page', String(perPage));
    return `https://${domain}${path}?${params.toString()}`;
  };
  const items: T[] = [];
  const end = Math.min(count, page * perPage);
  for (let i = (page - 1) * perPage; i < end; i++) items.push(itemAt(i));
  return {
    items,
    meta: {
      current_page: link(page),
      previous_page: page > 1 ? link(page - 1) : null,
      next_page: page < pages ? link(page + 1) : null,
      next_page_number: page < pages ? page + 1 : null,
      per_page: perPage,
      pages,
      count,
    },
  };
}
