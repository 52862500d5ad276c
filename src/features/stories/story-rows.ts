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
