/**
 * Which credential an action's `<<CREDENTIAL.slug>>` means, for a story [documented S11]: a
 * credential of the story's own place (its team, or for a story in drafts its owner's drafts)
 * first, so a shared name resolves to the team's own; else one shared with all teams and drafts
 * (`GLOBAL`); else one shared with the story's team (`SPECIFIC_TEAMS`). Among equals, the oldest.
 * Deleted credentials (and those deleted with their owner's drafts, S9) never resolve.
 */
import {
  type Credential,
  credentialReferences,
  type HttpAction,
  type Story,
  type Tenant,
} from '../model';

function live(tenant: Tenant, slug: string): Credential[] {
  const found: Credential[] = [];
  for (const id of tenant.credentialsBySlug.get(slug) ?? []) {
    const credential = tenant.credentials.get(id);
    if (credential !== undefined && credential.deletedAt === null) found.push(credential);
  }
  return found;
}

/** The credential `slug` means in `story`, or null when none may be used there. */
export function resolveCredential(
  tenant: Tenant,
  story: Pick<Story, 'teamId' | 'draftsOf'>,
  slug: string,
): Credential | null {
  const candidates = live(tenant, slug);
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
