/**
 * The Stories table's rows, derived from the tenant (pure): where each live story lives, its
 * actions, the credentials they reference (resolved as a run resolves them) and its last run.
 */
import { actionReferences, resolveCredential } from '../../core/automation/resolve';
import type { ActionResult, Story, Tenant } from '../../core/model';
import { placeName } from '../../core/place';

export interface StoryRow {
  readonly story: Story;
  /** The team's name, or "<name>'s drafts". */
  readonly where: string;
  readonly actions: number;
  /** The credentials its actions use, by name; a reference that resolves to none is named by slug. */
  readonly credentials: readonly string[];
  /** "Not run yet", or each action's status in order ("200, 401, not sent"). */
  readonly lastRun: string;
}

/** An action's status as the tables word it: the HTTP status, or "not sent". */
export function statusText(result: Pick<ActionResult, 'status'>): string {
  return result.status === null ? 'not sent' : String(result.status);
}

function lastRunOf(story: Story): string {
  if (story.lastRun === null) return 'Not run yet';
  return story.lastRun.results.map(statusText).join(', ');
}

/**
 * The credentials a story's actions use, remembered per actions list while the tenant's
 * credentials stay the same object: a run changes only the story's last run, so _Run all_ over
 * the large scenario's 3,333 stories does not resolve every reference again after each story.
 */
const usedCache = new WeakMap<
  Story['actions'],
  { readonly credentials: Tenant['credentials']; readonly names: readonly string[] }
>();

function credentialsUsed(tenant: Tenant, story: Story): readonly string[] {
  const cached = usedCache.get(story.actions);
  if (cached !== undefined && cached.credentials === tenant.credentials) return cached.names;
  const names = new Set<string>();
  for (const action of story.actions) {
    for (const slug of actionReferences(action)) {
      const credential = resolveCredential(tenant, story, slug);
      names.add(credential === null ? `${slug} (unresolved)` : credential.name);
    }
  }
  const used = [...names];
  usedCache.set(story.actions, { credentials: tenant.credentials, names: used });
  return used;
}

export function storyRows(tenant: Tenant): StoryRow[] {
  const rows: StoryRow[] = [];
  tenant.stories.forEach((story) => {
    if (story.deletedAt !== null) return;
    rows.push({
      story,
      where: placeName(tenant, story),
      actions: story.actions.length,
      credentials: credentialsUsed(tenant, story),
      lastRun: lastRunOf(story),
    });
  });
  return rows;
}
