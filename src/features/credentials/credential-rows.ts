/**
 * The Credentials table's rows, derived from the tenant (pure): where each credential lives, who
 * may use it, what it holds, how many actions and stories use it (resolved as a run resolves
 * them), and whether what it holds answers now. Deleted credentials stay listed as `Missing`, so
 * a deletion with someone's drafts (S9) shows in the chain.
 */
import { usageIndex } from '../../core/automation/impact';
import { evaluateKey, verdictText } from '../../core/key-verdict';
import { type Credential, SCOPE_LABELS, type Tenant } from '../../core/model';
import { placeName } from '../../core/place';

export interface CredentialRow {
  readonly credential: Credential;
  /**
   * The name, and where it lives when another live credential has the same name ("Pager (Team
   * SecOps)"): what the row's buttons name, so that each button's name is unique.
   */
  readonly label: string;
  /** The team's name, or "<name>'s drafts". */
  readonly where: string;
  readonly sharing: string;
  /** "Jane personal · Personal · Jane Tino", or "External secret". */
  readonly holds: string;
  readonly actions: number;
  readonly stories: number;
  /** "200 Valid", "401 Owner deactivated", "Missing" (deleted), "Not judged" (external). */
  readonly verdict: string;
  /** 200, 401, or null when there is no key to judge. */
  readonly status: 200 | 401 | null;
}

function teamName(tenant: Tenant, teamId: string): string {
  return tenant.teams.get(teamId)?.name ?? teamId;
}

export function sharingOf(tenant: Tenant, credential: Credential): string {
  switch (credential.readAccess) {
    case 'TEAM':
      return credential.teamId === null ? 'Its owner only' : 'Its team only';
    case 'GLOBAL':
      return 'All teams & drafts';
    case 'SPECIFIC_TEAMS':
      return `Teams: ${credential.sharedTeams.map((id) => teamName(tenant, id)).join(', ')}`;
  }
}

export function credentialRows(tenant: Tenant): CredentialRow[] {
  const { usersOf } = usageIndex(tenant);
  const rows: CredentialRow[] = [];
  // Two live credentials of one place never share a name (nor a slug): the place tells them apart.
  const sameName = new Map<string, number>();
  tenant.credentials.forEach((credential) => {
    if (credential.deletedAt !== null) return;
    sameName.set(credential.name, (sameName.get(credential.name) ?? 0) + 1);
  });
  tenant.credentials.forEach((credential) => {
    const users = usersOf.get(credential.id) ?? [];
    const key =
      credential.value.kind === 'key' ? tenant.keys.get(credential.value.keyId) : undefined;
    const creator = key === undefined ? undefined : tenant.accounts.get(key.createdBy);
    let verdict = 'Not judged';
    let status: CredentialRow['status'] = null;
    if (credential.deletedAt !== null) verdict = 'Missing';
    else if (key !== undefined) {
      const judged = evaluateKey(tenant, key.id);
      verdict = verdictText(judged);
      status = judged.status;
    }
    const where = placeName(tenant, credential);
    rows.push({
      credential,
      label:
        (sameName.get(credential.name) ?? 0) > 1
          ? `${credential.name} (${where})`
          : credential.name,
      where,
      sharing: sharingOf(tenant, credential),
      holds:
        key === undefined
          ? 'External secret'
          : `${key.name} · ${SCOPE_LABELS[key.scope]} · ${creator?.name ?? key.createdBy}`,
      actions: users.length,
      stories: new Set(users.map((user) => user.story.id)).size,
      verdict,
      status,
    });
  });
  return rows;
}
