/**
 * The Stories table's rows, derived from the tenant (pure): where each live story lives, its
 * actions, the credentials they reference (resolved as a run resolves them) and its last run.
 */
import { actionReferences, resolveCredential } from '../../core/automation/resolve';
import type { Story, Tenant } from '../../core/model';
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

function lastRunOf(story: Story): string {
  if (story.lastRun === null) return 'Not run yet';
  return story.lastRun.results
    .map((result) => (result.status === null ? 'not sent' : String(result.status)))
    .join(', ');
}

export function storyRows(tenant: Tenant): StoryRow[] {
  const rows: StoryRow[] = [];
  tenant.stories.forEach((story) => {
    if (story.deletedAt !== null) return;
    const names = new Set<string>();
    for (const action of story.actions) {
      for (const slug of actionReferences(action)) {
        const credential = resolveCredential(tenant, story, slug);
        names.add(credential === null ? `${slug} (unresolved)` : credential.name);
      }
    }
    rows.push({
      story,
      where: placeName(tenant, story),
      actions: story.actions.length,
      credentials: [...names],
      lastRun: lastRunOf(story),
    });
  });
  return rows;
}
