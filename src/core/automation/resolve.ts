/**
 * Which credential an action's `<<CREDENTIAL.slug>>` means, for a story [documented S11]: a
 * credential of the story's own place (its team, or for a story in drafts its owner's drafts)
 * first, so a shared name resolves to the team's own; else one shared with all teams and drafts
 * (`GLOBAL`); else one shared with the story's team (`SPECIFIC_TEAMS`). Among equals, the oldest.
 * Deleted credentials (and those deleted with their owner's drafts, S9) never resolve.
 */
import type { Credential, HttpAction, Story, Tenant } from '../model';

function withSlug(tenant: Tenant, slug: string, includeDeleted: boolean): Credential[] {
  const found: Credential[] = [];
  for (const id of tenant.credentialsBySlug.get(slug) ?? []) {
    const credential = tenant.credentials.get(id);
    if (credential !== undefined && (includeDeleted || credential.deletedAt === null)) {
      found.push(credential);
    }
  }
  return found;
}

type StoryPlace = Pick<Story, 'teamId' | 'draftsOf'>;

/** The precedence of S11 over some candidates (all with one slug, oldest first). */
function pick(candidates: readonly Credential[], story: StoryPlace): Credential | null {
  const own = candidates.find((credential) =>
    story.teamId !== null
      ? credential.teamId === story.teamId
      : credential.draftsOf !== null && credential.draftsOf === story.draftsOf,
  );
  if (own !== undefined) return own;
  const global = candidates.find((credential) => credential.readAccess === 'GLOBAL');
  if (global !== undefined) return global;
  const teamId = story.teamId;
  if (teamId === null) return null;
  return (
    candidates.find(
      (credential) =>
        credential.readAccess === 'SPECIFIC_TEAMS' && credential.sharedTeams.includes(teamId),
    ) ?? null
  );
}

/** The credential `slug` means in `story`, or null when none may be used there. */
export function resolveCredential(
  tenant: Tenant,
  story: StoryPlace,
  slug: string,
): Credential | null {
  return pick(withSlug(tenant, slug, false), story);
}

/**
 * Why a reference resolves to nothing, for the run's and the plan's explanations:
 * - `DELETED_WITH_DRAFTS`: the credential it would mean lived in drafts deleted with their owner
 *   [documented S9];
 * - `DELETED`: the credential it would mean was deleted;
 * - `NOT_SHARED`: credentials with this slug exist, but none is shared with the story's place;
 * - `NO_SUCH_CREDENTIAL`: no credential ever had this slug.
 * `credential` is the one concerned (the deleted one, or the oldest live one not shared).
 */
export type UnresolvedReason =
  | 'DELETED_WITH_DRAFTS'
  | 'DELETED'
  | 'NOT_SHARED'
  | 'NO_SUCH_CREDENTIAL';

export function whyUnresolved(
  tenant: Tenant,
  story: StoryPlace,
  slug: string,
): { readonly reason: UnresolvedReason; readonly credential: Credential | null } {
  const all = withSlug(tenant, slug, true);
  // Deletion aside, which one would it mean? Resolution is the same precedence over more candidates.
  const meant = pick(all, story);
  if (meant !== null && meant.deletedAt !== null) {
    const owner = meant.draftsOf === null ? undefined : tenant.accounts.get(meant.draftsOf);
    // Deleting an account stamps its drafts with the deletion's time (apply.ts, S9).
    const withDrafts = owner?.status === 'deleted' && owner.updatedAt === meant.deletedAt;
    return { reason: withDrafts ? 'DELETED_WITH_DRAFTS' : 'DELETED', credential: meant };
  }
  const live = all.find((credential) => credential.deletedAt === null);
  if (live !== undefined) return { reason: 'NOT_SHARED', credential: live };
  return { reason: 'NO_SUCH_CREDENTIAL', credential: null };
}

export const UNRESOLVED_LABELS: Readonly<Record<UnresolvedReason, string>> = {
  DELETED_WITH_DRAFTS: 'Deleted with its owner’s drafts',
  DELETED: 'Credential deleted',
  NOT_SHARED: 'Not shared with this team',
  NO_SUCH_CREDENTIAL: 'No such credential',
};

/** `<<CREDENTIAL.slug>>` in a text [documented S13]: the slugs it references, in order. */
export function credentialReferences(text: string): string[] {
  return [...text.matchAll(/<<CREDENTIAL\.([a-z0-9_]+)>>/g)].map((match) => match[1] as string);
}

/** The slugs an action references, in its headers, path and body (each once, in order). */
export function actionReferences(action: HttpAction): string[] {
  const texts = [action.path, ...Object.values(action.headers), action.body ?? ''];
  return [...new Set(texts.flatMap(credentialReferences))];
}

export interface CredentialReference {
  readonly storyId: string;
  readonly actionId: string;
}

/**
 * Every action, of every live story, whose reference resolves to `credentialId` [documented
 * S12: `include_references=true`]. Walks the stories once.
 */
export function referencesTo(tenant: Tenant, credentialId: string): CredentialReference[] {
  const found: CredentialReference[] = [];
  for (const story of tenant.stories.values()) {
    if (story.deletedAt !== null) continue;
    for (const action of story.actions) {
      const uses = actionReferences(action).some(
        (slug) => resolveCredential(tenant, story, slug)?.id === credentialId,
      );
      if (uses) found.push({ storyId: story.id, actionId: action.id });
    }
  }
  return found;
}
