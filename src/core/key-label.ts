import { type ApiKey, SCOPE_LABELS, type Tenant } from './model';

/**
 * "Jane Tino — Personal key": how a key is named in announcements and row headers. Apart from
 * describe.ts (the events' lines), so that the matrix's announcements do not carry those.
 */
export function keyLabel(tenant: Tenant, key: ApiKey): string {
  const creator = tenant.accounts.get(key.createdBy)?.name ?? key.createdBy;
  return `${creator} — ${SCOPE_LABELS[key.scope]} key`;
}
