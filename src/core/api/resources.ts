/**
 * The JSON the simulated API answers with, shaped after the vendor's documented samples (S7 and
 * the Tines API reference): field names and nesting as documented, values from the tenant.
 * Ids are the simulator's strings, not the vendor's integers.
 */
import { actionReferences } from '../automation/resolve';
import {
  type Account,
  type Credential,
  credentialSlug,
  type Story,
  type TeamId,
  type TeamRole,
  type Tenant,
} from '../model';

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

/**
 * A team's slug, for `shared_team_slugs` [assumed]: the vendor names teams by slug there (S12)
 * but does not say how a slug is made; the simulator underscores the team's name as it does a
 * credential's ("Team SecOps" -> `team_secops`). An unknown team keeps its id.
 */
export function teamSlug(tenant: Tenant, teamId: TeamId): string {
  const team = tenant.teams.get(teamId);
  return team === undefined ? teamId : credentialSlug(team.name);
}

/** The stories and actions that reference a credential (`include_references=true`, S12). */
export interface References {
  readonly storyIds: readonly string[];
  readonly actionIds: readonly string[];
}

/**
 * A credential of `GET /api/v1/user_credentials` [documented S12: the fields], never its value:
 * what it holds (a key of this tenant or another secret) is not even hinted at. `folder_id` and
 * `description` are null (the simulator has neither); `simulator_drafts_of` (not a vendor
 * field) names the account whose drafts hold it, null for a team's. With references, the
 * simulator's `story_ids` and `action_ids` [assumed names: S12 says the ids are returned, not
 * under which fields].
 */
export function credentialResource(
  tenant: Tenant,
  credential: Credential,
  references: References | null,
) {
  const resource = {
    id: credential.id,
    name: credential.name,
    mode: credential.mode,
    team_id: credential.teamId,
    folder_id: null,
    read_access: credential.readAccess,
    shared_team_slugs:
      credential.readAccess === 'SPECIFIC_TEAMS'
        ? credential.sharedTeams.map((teamId) => teamSlug(tenant, teamId))
        : [],
    description: null,
    slug: credential.slug,
    created_at: isoTime(credential.createdAt),
    updated_at: isoTime(credential.updatedAt),
    simulator_drafts_of: credential.draftsOf,
  };
  if (references === null) return resource;
  return { ...resource, story_ids: references.storyIds, action_ids: references.actionIds };
}

/**
 * A story of `GET /api/v1/stories`: the vendor's story fields, plus the simulator's own
 * (`simulator_`): whose drafts hold it, its HTTP Request actions (method, path and the
 * credential slugs they reference; never a header value) and its last run.
 */
export function storyListResource(story: Story) {
  return {
    ...storyResource(story, story.draftsOf),
    simulator_drafts_of: story.draftsOf,
    simulator_actions: story.actions.map((action) => ({
      id: action.id,
      name: action.name,
      method: action.method,
      path: action.path,
      credential_slugs: actionReferences(action),
    })),
    simulator_last_run:
      story.lastRun === null
        ? null
        : {
            at: isoTime(story.lastRun.at),
            results: story.lastRun.results.map((result) => ({
              action_id: result.actionId,
              status: result.status,
              rule: result.rule,
            })),
          },
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
