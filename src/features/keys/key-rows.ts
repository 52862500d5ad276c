import { evaluateKey, type Verdict, verdictText } from '../../core/key-verdict';
import { type ApiKey, SCOPE_LABELS, TEAM_ROLE_LABELS, type Tenant } from '../../core/model';

export interface KeyRow {
  readonly key: ApiKey;
  readonly scopeLabel: string;
  readonly creatorName: string;
  /** What the key can reach, in words: its teams and roles, its permissions, or its owner. */
  readonly access: string;
  readonly verdict: Verdict;
  readonly verdictText: string;
}

function accessOf(tenant: Tenant, key: ApiKey, creatorName: string): string {
  switch (key.scope) {
    case 'personal':
      return `Acts as ${creatorName}, with their current roles`;
    case 'tenant_owner':
      return 'Whole tenant (owner access)';
    case 'team':
      return Object.entries(key.teamRoles)
        .map(
          ([teamId, role]) =>
            `${tenant.teams.get(teamId)?.name ?? teamId}: ${TEAM_ROLE_LABELS[role]}`,
        )
        .join('; ');
    case 'service':
      return key.permissions.length === 0 ? 'No tenant permissions' : key.permissions.join(', ');
  }
}

export function keyRows(tenant: Tenant): KeyRow[] {
  const rows: KeyRow[] = [];
  for (const key of tenant.keys.values()) {
    const creatorName = tenant.accounts.get(key.createdBy)?.name ?? key.createdBy;
    const verdict = evaluateKey(tenant, key.id);
    rows.push({
      key,
      scopeLabel: SCOPE_LABELS[key.scope],
      creatorName,
      access: accessOf(tenant, key, creatorName),
      verdict,
      verdictText: verdictText(verdict),
    });
  }
  return rows;
}
