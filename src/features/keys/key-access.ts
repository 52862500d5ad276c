import { type ApiKey, TEAM_ROLE_LABELS, type Team, type TeamId } from '../../core/model';

/** What a key can reach, in words: its teams and roles, its permissions, or its creator. */
export function keyAccess(
  key: ApiKey,
  creatorName: string,
  teams: ReadonlyMap<TeamId, Team>,
): string {
  switch (key.scope) {
    case 'personal':
      return `Acts as ${creatorName}, with their current roles`;
    case 'tenant_owner':
      return 'Whole tenant (owner access)';
    case 'team':
      return Object.entries(key.teamRoles)
        .map(([teamId, role]) => `${teams.get(teamId)?.name ?? teamId}: ${TEAM_ROLE_LABELS[role]}`)
        .join('; ');
    case 'service':
      return key.permissions.length === 0 ? 'No tenant permissions' : key.permissions.join(', ');
  }
}
