import { type LinePart, lineText } from '../../core/describe';
import { type ApiKey, TEAM_ROLE_LABELS, type Team, type TeamId } from '../../core/model';

/**
 * What a key can reach, in words: its teams and roles, its permissions, or its creator. The
 * names are kept apart, so that the table can isolate them (<bdi>).
 */
export function keyAccessParts(
  key: ApiKey,
  creatorName: string,
  teams: ReadonlyMap<TeamId, Team>,
): LinePart[] {
  switch (key.scope) {
    case 'personal':
      return ['Acts as ', { name: creatorName }, ', with their current roles'];
    case 'tenant_owner':
      return ['Whole tenant (owner access)'];
    case 'team':
      return Object.entries(key.teamRoles).flatMap(([teamId, role], index) => [
        ...(index === 0 ? [] : ['; ']),
        { name: teams.get(teamId)?.name ?? teamId },
        `: ${TEAM_ROLE_LABELS[role]}`,
      ]);
    case 'service':
      return [key.permissions.length === 0 ? 'No tenant permissions' : key.permissions.join(', ')];
  }
}

/** The same, as plain text. */
export function keyAccess(
  key: ApiKey,
  creatorName: string,
  teams: ReadonlyMap<TeamId, Team>,
): string {
  return lineText(keyAccessParts(key, creatorName, teams));
}
