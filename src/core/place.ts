/**
 * Where a credential or a story lives, as the console names it: the team, or "<name>'s drafts".
 * Its own module, apart from model.ts: only the views loaded later name places, and a function
 * of model.ts would be carried in the page's first chunk.
 */
import type { AccountId, TeamId, Tenant } from './model';

export function placeName(
  tenant: Tenant,
  place: { readonly teamId: TeamId | null; readonly draftsOf: AccountId | null },
): string {
  if (place.teamId !== null) return tenant.teams.get(place.teamId)?.name ?? place.teamId;
  const owner = place.draftsOf === null ? undefined : tenant.accounts.get(place.draftsOf);
  return `${owner?.name ?? place.draftsOf}'s drafts`;
}
